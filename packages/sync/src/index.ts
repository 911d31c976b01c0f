export { createMemoryStore } from './memoryStore.js';
export {
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
export type { ChangeFailure } from './room/roomDoc.js';
export type { Rooms } from './room/rooms.js';
export { createRooms } from './room/rooms.js';
export type {
  AuditChange,
  CloseCodeName,
  CloseCodeValue,
  ConnectionActor,
  DocStore,
  Logger,
  RoomConnection,
  RoomLimits,
  SocketLike,
  StoredDoc,
  UpdateAuthor,
} from './roomContracts.js';
export { CloseCode } from './roomContracts.js';
