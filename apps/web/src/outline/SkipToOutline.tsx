import { flushSync } from 'react-dom';
import { t } from '../lib/messages';
import { OUTLINE_ID } from './OutlineView';

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
        document.getElementById(OUTLINE_ID)?.focus();
      }}
    >
      {t('outline.skip')}
    </a>
  );
}
