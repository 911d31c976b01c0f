import type { Role } from '@kinmap/model';
import { useCallback, useEffect, useRef, useState } from 'react';
import {
  admitRequest,
  declineRequest,
  hideJoinCode,
  LOBBY_CHANGED,
  type LobbyCode,
  type LobbyStateResponse,
  notifyLobbyChanged,
  readLobby,
  readWallCode,
  showJoinCode,
} from './lobbyApi';

/** How often a facilitator's screen asks who is waiting (a small GET). */
const POLL_MS = 3000;

/** Offline or in a background tab: no point asking (the next visible tick catches up). */
const idle = (): boolean => document.hidden || navigator.onLine === false;

export interface LobbyControls {
  /** null until first read (or when the server refused: then nothing is offered). */
  readonly state: LobbyStateResponse | null;
  readonly busy: boolean;
  readonly failed: boolean;
  show(): void;
  hide(): void;
  admit(requestId: string, role: Role): void;
  decline(requestId: string): void;
}

/**
 * The facilitator's side of the wall's join code: the code and the people waiting, read every few
 * seconds while `enabled` (a facilitator's board screen), and the actions, each followed by a read.
 */
export function useLobby(boardId: string, enabled: boolean): LobbyControls {
  const [state, setState] = useState<LobbyStateResponse | null>(null);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const live = useRef(true);
  const refresh = useCallback(async () => {
    const result = await readLobby(boardId);
    if (live.current && result.ok) setState(result.value);
  }, [boardId]);
  useEffect(() => {
    live.current = true;
    if (!enabled) return;
    void refresh();
    const timer = window.setInterval(() => {
      if (!idle()) void refresh();
    }, POLL_MS);
    const onChange = () => void refresh();
    window.addEventListener(LOBBY_CHANGED, onChange);
    return () => {
      live.current = false;
      window.clearInterval(timer);
      window.removeEventListener(LOBBY_CHANGED, onChange);
    };
  }, [enabled, refresh]);
  const act = useCallback((action: () => Promise<{ ok: boolean }>) => {
    setBusy(true);
    setFailed(false);
    void action().then((result) => {
      if (!live.current) return;
      setBusy(false);
      if (!result.ok) setFailed(true);
      notifyLobbyChanged();
    });
  }, []);
  return {
    state,
    busy,
    failed,
    show: () => act(() => showJoinCode(boardId)),
    hide: () => act(() => hideJoinCode(boardId)),
    admit: (requestId, role) => act(() => admitRequest(boardId, requestId, role)),
    decline: (requestId) => act(() => declineRequest(boardId, requestId)),
  };
}

/**
 * The wall's side: the open join code, read every few seconds while `enabled` (a wall screen); null
 * while none is shown. A failed read keeps what is shown, so one lost request does not flicker it.
 */
export function useWallCode(boardId: string, enabled: boolean): LobbyCode | null {
  const [code, setCode] = useState<LobbyCode | null>(null);
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    const read = () =>
      void readWallCode(boardId).then((result) => {
        if (live && result.ok) setCode(result.value);
      });
    read();
    const timer = window.setInterval(() => {
      if (!idle()) read();
    }, POLL_MS);
    window.addEventListener(LOBBY_CHANGED, read);
    return () => {
      live = false;
      window.clearInterval(timer);
      window.removeEventListener(LOBBY_CHANGED, read);
    };
  }, [boardId, enabled]);
  return enabled ? code : null;
}
