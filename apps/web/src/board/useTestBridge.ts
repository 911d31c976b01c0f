import type { BoardState, Role } from '@kinmap/model';
import type Konva from 'konva';
import { type RefObject, useEffect, useRef } from 'react';
import type { BoardLayout } from '../canvas/boardLayout';
import type { ConnectionState } from './connection';
import { connectBridge } from './testBridge';

export interface TestBridgeInput {
  readonly board: BoardState | null;
  /** The map's latest layout (kept outside React state: see BoardScreen). */
  readonly layout: () => BoardLayout | null;
  readonly status: ConnectionState;
  readonly stageRef: RefObject<Konva.Stage | null>;
  readonly role: Role;
  readonly participantId: string;
}

/** Keeps `window.__kinmap` (when enabled) reading this screen's latest state and layout. */
export function useTestBridge({
  board,
  layout,
  status,
  stageRef,
  role,
  participantId,
}: TestBridgeInput): void {
  const latest = useRef({ board, layout, status });
  useEffect(() => {
    latest.current = { board, layout, status };
  }, [board, layout, status]);
  useEffect(
    () =>
      connectBridge({
        state: () => latest.current.board,
        layout: () => latest.current.layout(),
        stage: () => stageRef.current,
        status: () => latest.current.status,
        role,
        participantId,
      }),
    [stageRef, role, participantId],
  );
}
