import { asParticipantId, type Role } from '@kinmap/model';
import type { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import { connectByTicket, waitFor } from '../integration/helpers.js';
import type { MemberDevice } from '../support/serverProcess.js';

/** A member's session through the official y-websocket client, as the attacks must leave it. */
export interface Official {
  readonly doc: Y.Doc;
  readonly provider: WebsocketProvider;
  readonly actor: { participantId: ReturnType<typeof asParticipantId>; role: Role };
  /** Close events the provider saw (an established session must see none). */
  readonly closes: number[];
}

/**
 * Connects `device` with the official client and waits for its first sync, noting every close code
 * it sees. Its teardown goes onto `cleanups`, which the suite runs after the server stops being needed.
 */
export async function connectOfficial(
  server: { readonly url: string },
  boardId: string,
  device: MemberDevice,
  role: Role,
  cleanups: Array<() => void>,
): Promise<Official> {
  const client = await connectByTicket(server, boardId, device);
  const closes: number[] = [];
  client.provider.on('connection-close', (event) => closes.push(event?.code ?? 0));
  cleanups.push(() => {
    client.provider.destroy();
    client.doc.destroy();
  });
  await waitFor(() => client.provider.synced, 'the official client to sync');
  return { ...client, closes, actor: { participantId: asParticipantId(device.memberId), role } };
}
