export { type AccessControl, type AccessControlOptions, createAccessControl } from './access.js';
export {
  type AccessAuthenticatorOptions,
  createAccessAuthenticator,
  memberOnBoard,
  readCookie,
  type SignedIn,
  signedIn,
} from './accessAuthenticator.js';
export { type AccountRoutesOptions, registerAccountRoutes } from './accountRoutes.js';
export { ApiError, type ApiErrorBody, ApiErrorCode, type ApiErrorCodeValue } from './apiError.js';
export { type AppOptions, createApp, createBoardBody } from './app.js';
export {
  AUDIT_EVENT_KINDS,
  type AuditDetail,
  type AuditEventKind,
  type AuditLog,
  type AuditRow,
  createAuditLog,
  type NewAuditEvent,
  parseCursor,
} from './auditLog.js';
export {
  type AuditEntry,
  type AuditRoutesOptions,
  csvCell,
  registerAuditRoutes,
  toCsv,
} from './auditRoutes.js';
export {
  CATEGORY_LABELS,
  describeChange,
  type NameOf,
  summarizeChanges,
  summarizeEvent,
} from './auditSummary.js';
export {
  AUTH_FAILURE_RESPONSE,
  type Authenticator,
  type AuthFailure,
  type AuthResult,
  type BoardRequest,
} from './authenticator.js';
export {
  type BoardAccessRoutesOptions,
  mayManageRole,
  registerBoardAccessRoutes,
} from './boardAccessRoutes.js';
export {
  BOARD_ID_PATTERN,
  type BoardRecord,
  type BoardRegistry,
  type BoardRegistryOptions,
  type CreateBoardResult,
  type CreatedBoard,
  createBoardRegistry,
  hashToken,
  isBoardId,
} from './boardRegistry.js';
export { type CliIo, runCli } from './cli.js';
export {
  type ConfigResult,
  DEFAULT_DATA_DIR,
  DEFAULT_HOST,
  DEFAULT_PORT,
  DEFAULT_WEB_DIST,
  loadConfig,
  type ServerConfig,
} from './config.js';
export {
  checkDataKey,
  createDataCipher,
  DATA_KEY_BYTES,
  type DataCipher,
  type DataKeyResult,
  type KeyCheckResult,
  loadDataKey,
  RecordFormat,
  type SealedKind,
  SealedRecordError,
} from './dataCipher.js';
export { createFailureLimiter, type FailureLimiter, type FailureLimiterOptions } from './failureLimiter.js';
export { createInvites, type InviteRecord, type Invites, type NewInvite } from './invites.js';
export { createLiveSockets, type LiveSocket, type LiveSockets, REVOKED_CLOSE } from './liveSockets.js';
export { createJsonLogger, type JsonLoggerOptions, silentLogger } from './logger.js';
export { createMembers, type MemberRecord, type Members, type NewMember } from './members.js';
export { type MetricsOptions, startMetrics } from './metrics.js';
export { accessLog } from './middleware/accessLog.js';
export { CSRF_HEADER, csrf, sameHost } from './middleware/csrf.js';
export { requestId } from './middleware/requestId.js';
export { defaultContentSecurityPolicy, securityHeaders } from './middleware/securityHeaders.js';
export {
  createDummyHash,
  DEFAULT_SCRYPT_COST,
  hashPassword,
  type ScryptCost,
  verifyPassword,
} from './password.js';
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
export {
  DATABASE_FILE,
  DataKeyError,
  type RunningServer,
  type StartServerOptions,
  startServer,
} from './server.js';
export { type CookieSettings, clearSessionCookie, writeSessionCookie } from './sessionCookie.js';
export {
  createSessions,
  SESSION_COOKIE,
  SESSION_TTL_MS,
  type SessionRecord,
  type Sessions,
  sessionIdOf,
} from './sessions.js';
export { createSetupSecret, SETUP_TTL_MS, type SetupSecret } from './setupSecret.js';
export {
  AUDIT_UPDATES_SCHEMA,
  addMissingColumns,
  createSqliteStore,
  openDatabase,
  parseChanges,
  type SqliteStoreOptions,
} from './sqliteStore.js';
export { createTickets, TICKET_TTL_MS, type TicketGrant, type Tickets } from './tickets.js';
export {
  attachSyncUpgrade,
  DEFAULT_HEARTBEAT_MS,
  DEFAULT_MAX_PAYLOAD_BYTES,
  type RoomEntrance,
  type SyncUpgrade,
  type SyncUpgradeOptions,
} from './upgrade.js';
export { createUsers, type NewUser, normaliseEmail, type UserRecord, type Users } from './users.js';
export { webApp } from './webApp.js';
