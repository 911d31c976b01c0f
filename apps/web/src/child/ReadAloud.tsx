import { Volume2 } from 'lucide-react';
import { t } from '../lib/messages';
import { readAloudText } from './toolWords';

/** The browser's speech, or null where there is none (some browsers, some kiosks). */
export function speechOf(): SpeechSynthesis | null {
  if (typeof window === 'undefined' || !('speechSynthesis' in window)) return null;
  return typeof globalThis.SpeechSynthesisUtterance === 'function' ? window.speechSynthesis : null;
}

/** Stops whatever is being read (leaving the tool, reading another area). */
export function stopReading(): void {
  speechOf()?.cancel();
}

/**
 * Reads an area's title and the child's words aloud with the device's own voice, for a child who
 * does not read yet and for everyone the child let see it. Nothing leaves the device for it.
 */
export function ReadAloud({ title, words }: { readonly title: string; readonly words: string }) {
  const speech = speechOf();
  return (
    <button
      type="button"
      className="child-read"
      disabled={speech === null}
      title={speech === null ? t('child.readAloudMissing') : undefined}
      aria-label={t('child.readAloudLabel', { area: title })}
      onClick={() => {
        if (!speech) return;
        speech.cancel();
        const utterance = new SpeechSynthesisUtterance(readAloudText(title, words));
        utterance.lang = document.documentElement.lang || 'en';
        speech.speak(utterance);
      }}
    >
      <Volume2 aria-hidden="true" size={22} />
      {t('child.readAloud')}
    </button>
  );
}
