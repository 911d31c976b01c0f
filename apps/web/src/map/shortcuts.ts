import type { MessageKey } from '../lib/messages';
import type { KeyChord } from './boardKeys';

/**
 * Every keyboard shortcut of the board, in one list: the help sheet (`?`) shows it and the
 * buttons' tooltips and `aria-keyshortcuts` read from it, so what is shown is what works.
 * `keys` is in the `aria-keyshortcuts` syntax; `shown` is how the help sheet and tooltips write it.
 */
export const SHORTCUTS = {
  choose: { keys: 'ArrowUp ArrowDown ArrowLeft ArrowRight', shown: '← ↑ → ↓', what: 'keys.choose' },
  edit: { keys: 'Enter', shown: 'Enter', what: 'keys.edit' },
  stopEditing: { keys: 'Escape', shown: 'Esc', what: 'keys.stopEditing' },
  add: { keys: 'N', shown: 'N', what: 'keys.add' },
  agree: { keys: 'A', shown: 'A', what: 'keys.agree' },
  dispute: { keys: 'D', shown: 'D', what: 'keys.dispute' },
  remove: { keys: 'Delete Backspace', shown: 'Delete', what: 'keys.remove' },
  move: {
    keys: 'Alt+ArrowUp Alt+ArrowDown Alt+ArrowLeft Alt+ArrowRight',
    shown: 'Alt + ← ↑ → ↓',
    what: 'keys.move',
  },
  zoomIn: { keys: '+', shown: '+', what: 'keys.zoomIn' },
  zoomOut: { keys: '-', shown: '−', what: 'keys.zoomOut' },
  fit: { keys: '0', shown: '0', what: 'keys.fit' },
  undo: { keys: 'Control+Z', shown: 'Ctrl + Z', what: 'keys.undo' },
  redo: { keys: 'Control+Shift+Z Control+Y', shown: 'Ctrl + Shift + Z', what: 'keys.redo' },
  help: { keys: 'Shift+?', shown: '?', what: 'keys.help' },
} as const satisfies Record<string, { keys: string; shown: string; what: MessageKey }>;

export type ShortcutId = keyof typeof SHORTCUTS;

/** A button's tooltip: its name and, in brackets, its key. */
export function withKey(label: string, id: ShortcutId): string {
  return `${label} (${SHORTCUTS[id].shown})`;
}

/** The single-letter shortcuts for the chosen card and the board (no modifier keys). */
export function letterCommand(chord: KeyChord): 'add' | 'agree' | 'dispute' | null {
  if (chord.ctrlKey || chord.metaKey || chord.altKey) return null;
  switch (chord.key) {
    case 'n':
    case 'N':
      return 'add';
    case 'a':
    case 'A':
      return 'agree';
    case 'd':
    case 'D':
      return 'dispute';
    default:
      return null;
  }
}

/** `?` opens the help sheet (Shift+/ on most keyboards). */
export function isHelpKey(chord: KeyChord): boolean {
  return chord.key === '?' && !chord.ctrlKey && !chord.metaKey && !chord.altKey;
}
