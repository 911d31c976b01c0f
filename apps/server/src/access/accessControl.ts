import type Database from 'better-sqlite3';
import { createDummyHash, DEFAULT_SCRYPT_COST, type ScryptCost } from '../accounts/password.js';
import { createSessions, type Sessions } from '../accounts/sessions.js';
import { createSetupSecret, type SetupSecret } from '../accounts/setupSecret.js';
import { createUsers, type Users } from '../accounts/users.js';
import { createFailureLimiter, type FailureLimiter } from '../http/failureLimiter.js';
import type { DataCipher } from '../storage/dataCipher.js';
import { createInvites, type Invites } from './inviteStore.js';
import { createLiveSockets, type LiveSockets } from './liveSockets.js';
import { createLobby, type Lobby } from './lobby.js';
import { createMembers, type Members } from './members.js';
import { createTickets, type Tickets } from './tickets.js';

/** Everything accounts, membership and revocation need, built once per server over one database. */
export interface AccessControl {
  readonly db: Database.Database;
  readonly users: Users;
  readonly sessions: Sessions;
  readonly members: Members;
  readonly invites: Invites;
  readonly setup: SetupSecret;
  readonly tickets: Tickets;
  readonly liveSockets: LiveSockets;
  /** The wall's join code and the people asking to join (in memory; SPEC [AU20]–[AU22]). */
  readonly lobby: Lobby;
  /** Login failures per IP and per email; setup and invite-open failures per IP. */
  readonly limiters: {
    readonly loginByIp: FailureLimiter;
    readonly loginByEmail: FailureLimiter;
    readonly setupByIp: FailureLimiter;
    readonly inviteByIp: FailureLimiter;
    /** Every request to join at the wall, and every unknown code or token, per IP. */
    readonly lobbyByIp: FailureLimiter;
  };
  readonly scryptCost: ScryptCost;
  /** Verified against when an email is unknown, so both cost the same scrypt work. */
  dummyHash(): Promise<string>;
  readonly now: () => number;
}

export interface AccessControlOptions {
  readonly db: Database.Database;
  readonly now?: () => number;
  /** Lower only in tests; stored hashes carry their own cost. */
  readonly scryptCost?: ScryptCost;
  /** Per-member bounds (KINMAP_SOCKETS_PER_MEMBER); absent: 16 open sockets and 32 tickets. */
  readonly memberLimits?: MemberLimits;
  /** Seals open invites' secrets at rest (KINMAP_DATA_KEY); null or absent: stored as they are. */
  readonly cipher?: DataCipher | null;
}

/** How much one member may hold at once; Infinity lifts a bound (load tests, one member per thousand sockets). */
export interface MemberLimits {
  readonly socketsPerMember: number;
  readonly ticketsPerMember: number;
}

/** @example const access = createAccessControl({ db: openDatabase(':memory:') }) */
export function createAccessControl({
  db,
  now = Date.now,
  scryptCost = DEFAULT_SCRYPT_COST,
  memberLimits,
  cipher = null,
}: AccessControlOptions): AccessControl {
  let dummy: Promise<string> | null = null;
  const limiter = (maxFailures: number) => createFailureLimiter({ maxFailures, windowMs: 15 * 60_000, now });
  return {
    db,
    users: createUsers(db, now),
    sessions: createSessions(db, now),
    members: createMembers(db, now),
    invites: createInvites(db, now, cipher),
    setup: createSetupSecret(db, now),
    tickets: createTickets({
      now,
      ...(memberLimits ? { maxPerMember: memberLimits.ticketsPerMember } : {}),
    }),
    liveSockets: createLiveSockets(memberLimits ? { maxPerMember: memberLimits.socketsPerMember } : {}),
    lobby: createLobby({ now }),
    limiters: {
      loginByIp: limiter(20),
      loginByEmail: limiter(5),
      setupByIp: limiter(5),
      inviteByIp: limiter(10),
      lobbyByIp: limiter(20),
    },
    scryptCost,
    dummyHash() {
      dummy ??= createDummyHash(scryptCost);
      return dummy;
    },
    now,
  };
}
