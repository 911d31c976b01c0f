import { LobbyDock } from './LobbyDock';
import { useLobby, useWallCode } from './useLobby';
import { WallJoinCode } from './WallJoinCode';

export interface LobbyHostProps {
  readonly boardId: string;
  /** A facilitator's screen ([AU20]): the answer desk while the code is up or someone waits. */
  readonly answer: boolean;
  /** A wall screen ([AU21]): the large code while it is open. */
  readonly wall: boolean;
}

/** Everything of the wall's join code a board screen shows; loaded on demand (BoardScreen). */
export function LobbyHost({ boardId, answer, wall }: LobbyHostProps) {
  const lobby = useLobby(boardId, answer);
  const code = useWallCode(boardId, wall);
  const { state } = lobby;
  return (
    <>
      {state && (state.code !== null || state.requests.length > 0) && (
        <LobbyDock lobby={lobby} state={state} />
      )}
      {code && <WallJoinCode code={code} />}
    </>
  );
}
