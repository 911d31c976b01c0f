// What other packages use (tests/): the server, its database file and store, and the audit's writer, reader and CSV.
export { createAuditLog } from './audit/auditLog.js';
export { csvCell } from './audit/auditRoutes.js';
export { createAuditUpdateWriter } from './audit/auditUpdates.js';
export {
  DataKeyError,
  type RetainedCounts,
  type RunningServer,
  type StartServerOptions,
  startServer,
} from './server.js';
export { DATABASE_FILE, openDatabase } from './storage/database.js';
export { createSqliteStore } from './storage/sqliteStore.js';
