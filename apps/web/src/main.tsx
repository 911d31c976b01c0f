import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { chooseLanguage, languageDirection } from './lib/i18n';
import { DEFAULT_LANGUAGE, LANGUAGES, setLanguage } from './lib/messages';
import { registerShellWorker } from './offline/serviceWorker';
import { App } from './screens/App';
// Tokens first, then the base, then each feature's sheet, in the order the cascade was tuned in; do not sort.
import './lib/tokens.css';
import './styles.css';
import './screens/screens.css';
import './board/board.css';
import './access/access.css';
import './accounts/accounts.css';
import './map/map.css';
import './meeting/meeting.css';
import './canvas/canvas.css';
import './plan/plan.css';
import './outline/outline.css';
import './scales/scales.css';
import './audit/audit.css';

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
