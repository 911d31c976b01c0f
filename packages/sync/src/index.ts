export { toAuditChanges } from './guard/auditChanges.js';
export type { AwarenessGuard } from './guard/awarenessGuard.js';
export { createAwarenessGuard } from './guard/awarenessGuard.js';
export { createMemoryStore } from './memoryStore.js';
export type { AwarenessEntry, ClientMessage } from './protocol.js';
export {
  decodeAwarenessUpdate,
  decodeClientMessage,
  encodeAwarenessMessage,
  encodeAwarenessUpdate,
  encodeQueryAwareness,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
  MessageType,
  SyncStep,
} from './protocol.js';
export type { RemoteOrigin } from './room/room.js';
export type { ChangeFailure, ChangeResult } from './room/roomDoc.js';
export type { Rooms, RoomsOptions } from './room/rooms.js';
export { createRooms, DEFAULT_LIMITS } from './room/rooms.js';
export { connectSocketPair } from './testing/harness.js';
export type { CloseInfo, SocketEnd, SocketPair, TestSocket } from './testing/socketPair.js';
export { createSocketPair } from './testing/socketPair.js';
export type { TestClient, TestClientOptions } from './testing/testClient.js';
export { createTestClient } from './testing/testClient.js';
export type {
  Access,
  AuditChange,
  AuditedUpdate,
  CloseCodeName,
  CloseCodeValue,
  DocStore,
  Logger,
  RoomConnection,
  RoomLimits,
  SocketLike,
  StoredDoc,
  UpdateAuthor,
} from './types.js';
export { CloseCode } from './types.js';
