import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { chooseLanguage, languageDirection } from './i18n';
import { DEFAULT_LANGUAGE, LANGUAGES, setLanguage } from './messages';
import { registerShellWorker } from './offline/serviceWorker';
import './styles.css';

// Before the first render, so every screen starts in the chosen language and direction.
const language = setLanguage(
  chooseLanguage(location.search, navigator.languages, LANGUAGES, DEFAULT_LANGUAGE),
);
document.documentElement.lang = language;
document.documentElement.dir = languageDirection(language);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
registerShellWorker();
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
