import { roomDocumentOf } from '@kinmap/protocol';
import { createRooms, type DocStore, type Logger, type RoomLimits, type Rooms } from '@kinmap/sync';
import { type AccessControl, createAccessControl, type MemberLimits } from './access/accessControl.js';
import type { Authenticator } from './access/authenticator.js';
import { createAccessAuthenticator } from './access/memberAuthenticator.js';
import type { ScryptCost } from './accounts/password.js';
import { type AuditLog, createAuditLog } from './audit/auditLog.js';
import { createAuditUpdateWriter } from './audit/auditUpdates.js';
import { type BoardRegistry, createBoardRegistry } from './boards/boardRegistry.js';
import { type ChildTools, createChildTools } from './child/childTools.js';
import { createMeetings, type Meetings } from './history/meetingStore.js';
import { createVersions, type Versions } from './history/versionStore.js';
import {
  createReportRenderer,
  type ReportRenderer,
  type ReportRendererOptions,
} from './reports/renderPool.js';
import { createPrivateRatings, type PrivateRatings } from './scaling/privateRatings.js';
import type { Db } from './storage/database.js';
import type { DataCipher } from './storage/dataCipher.js';
import { createSqliteStore } from './storage/sqliteStore.js';

export interface ServicesConfig {
  /** Seals boards, titles, ratings, versions and meetings at rest (KINMAP_DATA_KEY); null: plaintext. */
  readonly cipher: DataCipher | null;
  /** Ids and sizes only, never card text or names. */
  readonly logger: Logger;
  /** Room limits from the environment (KINMAP_UNLOAD_AFTER_MS); absent ones keep their defaults. */
  readonly limits?: Partial<RoomLimits>;
  /** The clock every service reads; tests move it. */
  readonly now?: () => number;
  /** scrypt's cost for new password hashes; lowered only in tests. */
  readonly scryptCost?: ScryptCost;
  /** The report renderer's limits (threads, caps, timeout); absent ones keep their defaults. */
  readonly reportLimits?: Omit<ReportRendererOptions, 'logger'>;
  /** Open sockets and tickets one member may hold (KINMAP_SOCKETS_PER_MEMBER); absent: the defaults. */
  readonly memberLimits?: MemberLimits;
}

/** Everything the HTTP app and the WebSocket upgrade need, over one database. */
export interface Services {
  readonly db: Db;
  readonly store: DocStore;
  readonly registry: BoardRegistry;
  /** Accounts, sessions, members, invites, tickets, live sockets and the failure limiters. */
  readonly access: AccessControl;
  readonly audit: AuditLog;
  readonly rooms: Rooms;
  readonly privateRatings: PrivateRatings;
  /** The child's tools and who each is shown to (issue 14). */
  readonly childTools: ChildTools;
  readonly versions: Versions;
  readonly meetings: Meetings;
  /** A member's session cookie or one-time ticket, for HTTP and the upgrade alike. */
  readonly authenticate: Authenticator;
  /** PDF reports in worker threads, with input caps and render limits; close it on shutdown. */
  readonly reports: ReportRenderer;
  readonly logger: Logger;
}

/**
 * The composition root: builds every service over `db`, the same way for the server (server.ts)
 * and for every test fixture. The caller opened `db` and closes it, after `rooms.shutdown()` and
 * `store.close()`.
 * @example const services = createServices(openDatabase(':memory:'), { cipher: null, logger: silentLogger });
 */
export function createServices(
  db: Db,
  { cipher, logger, limits, now = Date.now, scryptCost, reportLimits, memberLimits }: ServicesConfig,
): Services {
  // openDatabase turns on secure_delete: plaintext updates folded into a sealed snapshot leave no trace.
  const store = createSqliteStore({ db, cipher, logger, now, authorWriter: createAuditUpdateWriter });
  const registry = createBoardRegistry({ db, store, cipher, now });
  const access = createAccessControl({
    db,
    now,
    cipher,
    ...(scryptCost ? { scryptCost } : {}),
    ...(memberLimits ? { memberLimits } : {}),
  });
  const audit = createAuditLog(db, { now, logger });
  const rooms = createRooms({
    store,
    logger,
    now,
    ...(limits ? { limits } : {}),
    // [AD2] A refused update is an audit event: the rule and the sender's role, never its content.
    onRefused: (roomId, sender, rule) =>
      audit.record({
        boardId: roomDocumentOf(roomId).boardId,
        actorMemberId: sender.participantId ?? null,
        kind: 'refused',
        detail: { rule, role: sender.role },
      }),
  });
  return {
    db,
    store,
    registry,
    access,
    audit,
    rooms,
    // Sealed like the boards they copy.
    privateRatings: createPrivateRatings(db, cipher),
    childTools: createChildTools(db, now),
    versions: createVersions(db, { cipher, now }),
    meetings: createMeetings(db, { cipher, now }),
    authenticate: createAccessAuthenticator({ registry, access }),
    // No thread starts until the first report.
    reports: createReportRenderer({ logger, ...reportLimits }),
    logger,
  };
}
