import type { BoardState } from '@kinmap/model';
import { useEffect, useRef, useState } from 'react';
import type * as Y from 'yjs';
import { changeAnnouncements, summariseChanges } from './announce';

/** At most one announcement of others' changes this often, so a busy meeting does not flood. */
export const ANNOUNCE_EVERY_MS = 2000;

/**
 * Others' changes to the board, in words, for a polite live region. Only changes that arrived
 * from the network are read (a remote transaction on one of the documents); they are collected
 * and read together at most once every ANNOUNCE_EVERY_MS. The board given is the one this person
 * may see, so nothing of a card they may not see is ever said.
 */
export function useChangeAnnouncements(
  board: BoardState | null,
  docs: readonly (Y.Doc | null | undefined)[],
  me: string,
  /** False until the board has loaded: what arrives while loading is not news. */
  live: boolean,
): string {
  const [text, setText] = useState('');
  const remote = useRef(false);
  const previous = useRef<BoardState | null>(null);
  const pending = useRef<string[]>([]);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const last = useRef(Number.NEGATIVE_INFINITY);

  const [first, second] = docs;
  useEffect(() => {
    const onTransaction = (transaction: Y.Transaction) => {
      if (!transaction.local) remote.current = true;
    };
    const list = [first, second].filter((d): d is Y.Doc => !!d);
    for (const doc of list) doc.on('afterTransaction', onTransaction);
    return () => {
      for (const doc of list) doc.off('afterTransaction', onTransaction);
    };
  }, [first, second]);

  useEffect(() => {
    const before = previous.current;
    previous.current = board;
    if (!live) remote.current = false;
    if (!board || !before || !remote.current) return;
    remote.current = false;
    const said = changeAnnouncements(before, board, me);
    if (said.length === 0) return;
    pending.current.push(...said);
    if (timer.current !== null) return;
    const flush = () => {
      timer.current = null;
      last.current = Date.now();
      const all = pending.current;
      pending.current = [];
      if (all.length > 0) setText(summariseChanges(all));
    };
    timer.current = setTimeout(flush, Math.max(0, last.current + ANNOUNCE_EVERY_MS - Date.now()));
  }, [board, me, live]);

  useEffect(
    () => () => {
      if (timer.current !== null) clearTimeout(timer.current);
    },
    [],
  );
  return text;
}
