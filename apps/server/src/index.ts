export {
  type AccessControl,
  type AccessControlOptions,
  createAccessControl,
} from './access/accessControl.js';
export {
  AUTH_FAILURE_RESPONSE,
  type Authenticator,
  type AuthFailure,
  type AuthResult,
  type BoardRequest,
} from './access/authenticator.js';
export { createInvites, type InviteRecord, type Invites, type NewInvite } from './access/inviteStore.js';
export { createLiveSockets, type LiveSocket, type LiveSockets, REVOKED_CLOSE } from './access/liveSockets.js';
export {
  type AccessAuthenticatorOptions,
  createAccessAuthenticator,
  memberOnBoard,
  readCookie,
  type SignedIn,
  signedIn,
} from './access/memberAuthenticator.js';
export {
  type BoardAccessRoutesOptions,
  registerBoardAccessRoutes,
} from './access/memberRoutes.js';
export { createMembers, type MemberRecord, type Members, type NewMember } from './access/members.js';
export { createTickets, TICKET_TTL_MS, type TicketGrant, type Tickets } from './access/tickets.js';
export { type AccountRoutesOptions, registerAccountRoutes } from './accounts/accountRoutes.js';
export {
  createDummyHash,
  DEFAULT_SCRYPT_COST,
  hashPassword,
  type ScryptCost,
  verifyPassword,
} from './accounts/password.js';
export { type CookieSettings, clearSessionCookie, writeSessionCookie } from './accounts/sessionCookie.js';
export {
  createSessions,
  SESSION_COOKIE,
  SESSION_TTL_MS,
  type SessionRecord,
  type Sessions,
  sessionIdOf,
} from './accounts/sessions.js';
export { createSetupSecret, SETUP_TTL_MS, type SetupSecret } from './accounts/setupSecret.js';
export { createUsers, type NewUser, normaliseEmail, type UserRecord, type Users } from './accounts/users.js';
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
} from './audit/auditLog.js';
export {
  type AuditEntry,
  type AuditRoutesOptions,
  csvCell,
  registerAuditRoutes,
  toCsv,
} from './audit/auditRoutes.js';
export {
  CATEGORY_LABELS,
  describeChange,
  type NameOf,
  summarizeChanges,
  summarizeEvent,
} from './audit/auditSummary.js';
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
} from './boards/boardRegistry.js';
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
export { ApiError, type ApiErrorBody, ApiErrorCode, type ApiErrorCodeValue } from './http/apiError.js';
export { CSRF_HEADER, csrf, sameHost } from './http/csrf.js';
export {
  createFailureLimiter,
  type FailureLimiter,
  type FailureLimiterOptions,
} from './http/failureLimiter.js';
export { requestId } from './http/requestId.js';
export { accessLog } from './http/requestLog.js';
export { defaultContentSecurityPolicy, securityHeaders } from './http/securityHeaders.js';
export { webApp } from './http/webApp.js';
export {
  attachSyncUpgrade,
  DEFAULT_HEARTBEAT_MS,
  DEFAULT_MAX_PAYLOAD_BYTES,
  type RoomEntrance,
  type SyncUpgrade,
  type SyncUpgradeOptions,
} from './live/upgrade.js';
export { createJsonLogger, type JsonLoggerOptions, silentLogger } from './ops/logger.js';
export { type MetricsOptions, startMetrics } from './ops/metrics.js';
export {
  createPrivateRatings,
  type PrivateRatings,
  type StoredPrivateRating,
} from './scaling/privateRatings.js';
export {
  PARTICIPANT_KEY_HEADER,
  privateRatingBody,
  registerScaleRoutes,
  type ScaleRoutesOptions,
} from './scaling/scaleRoutes.js';
export {
  DATABASE_FILE,
  DataKeyError,
  type RunningServer,
  type StartServerOptions,
  startServer,
} from './server.js';
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
} from './storage/dataCipher.js';
export {
  AUDIT_UPDATES_SCHEMA,
  addMissingColumns,
  createSqliteStore,
  openDatabase,
  parseChanges,
  type SqliteStoreOptions,
} from './storage/sqliteStore.js';
