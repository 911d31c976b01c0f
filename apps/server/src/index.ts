export { ApiError, type ApiErrorBody, ApiErrorCode, type ApiErrorCodeValue } from './apiError.js';
export { type AppOptions, createApp, createBoardBody } from './app.js';
export {
  AUTH_FAILURE_RESPONSE,
  type Authenticator,
  type AuthFailure,
  type AuthResult,
  type BoardRequest,
  createTokenAuthenticator,
  readToken,
} from './authenticator.js';
export {
  BOARD_ID_PATTERN,
  type BoardRecord,
  type BoardRegistry,
  type BoardRegistryOptions,
  type BoardTokens,
  type CreateBoardResult,
  type CreatedBoard,
  createBoardRegistry,
  hashToken,
  isBoardId,
} from './boardRegistry.js';
export {
  type ConfigResult,
  DEFAULT_DATA_DIR,
  DEFAULT_HOST,
  DEFAULT_PORT,
  DEFAULT_WEB_DIST,
  loadConfig,
  type ServerConfig,
} from './config.js';
export { createJsonLogger, type JsonLoggerOptions, silentLogger } from './logger.js';
export { type MetricsOptions, startMetrics } from './metrics.js';
export { accessLog } from './middleware/accessLog.js';
export { requestId } from './middleware/requestId.js';
export { securityHeaders } from './middleware/securityHeaders.js';
export {
  createPrivateRatings,
  type PrivateRatings,
  type StoredPrivateRating,
} from './privateRatings.js';
export {
  PARTICIPANT_KEY_HEADER,
  privateRatingBody,
  registerScaleRoutes,
  type ScaleRoutesOptions,
} from './scaleRoutes.js';
export { DATABASE_FILE, type RunningServer, type StartServerOptions, startServer } from './server.js';
export { createSqliteStore, openDatabase, type SqliteStoreOptions } from './sqliteStore.js';
export {
  attachSyncUpgrade,
  DEFAULT_HEARTBEAT_MS,
  DEFAULT_MAX_PAYLOAD_BYTES,
  type RoomEntrance,
  type SyncUpgrade,
  type SyncUpgradeOptions,
} from './upgrade.js';
export { webApp } from './webApp.js';
