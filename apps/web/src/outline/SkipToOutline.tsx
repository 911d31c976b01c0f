import { flushSync } from 'react-dom';
import { t } from '../lib/messages';
import { OUTLINE_ID } from './outlineId';

/** Gives up waiting for the outline's code after this long (it is cached, so it is rarely slow). */
const WAIT_FOR_OUTLINE_MS = 10_000;

/** Focuses the element once it is on the page: the outline loads on demand, so it may not be yet. */
function focusWhenShown(id: string): void {
  const found = document.getElementById(id);
  if (found) {
    found.focus();
    return;
  }
  const observer = new MutationObserver(() => {
    const shown = document.getElementById(id);
    if (!shown) return;
    observer.disconnect();
    shown.focus();
  });
  observer.observe(document.body, { childList: true, subtree: true });
  setTimeout(() => observer.disconnect(), WAIT_FOR_OUTLINE_MS);
}

/**
 * The first thing Tab reaches on the board page: opens the outline and puts the keyboard in it,
 * in one step, for people who cannot use the canvas.
 */
export function SkipToOutline({ onSkip }: { readonly onSkip: () => void }) {
  return (
    <a
      className="skip-link"
      href={`#${OUTLINE_ID}`}
      onClick={(event) => {
        // The outline may not be on screen yet: show it first, then move focus into it.
        event.preventDefault();
        flushSync(onSkip);
        focusWhenShown(OUTLINE_ID);
      }}
    >
      {t('outline.skip')}
    </a>
  );
}
