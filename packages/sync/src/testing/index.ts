// `@kinmap/sync/testing`: an in-memory socket pair and a scripted client, for tests of anything
// that hosts a room. Kept off the package's main entry so production code cannot reach them.
export { connectSocketPair } from './harness.js';
export type { CloseInfo, SocketEnd, SocketPair, TestSocket } from './socketPair.js';
export { createSocketPair } from './socketPair.js';
export type { TestClient, TestClientOptions } from './testClient.js';
export { createTestClient } from './testClient.js';
