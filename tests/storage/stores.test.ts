import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAuditLog, createAuditUpdateWriter, createSqliteStore, openDatabase } from '@kinmap/server';
import { createMemoryStore } from '@kinmap/sync';
import { type AuditedUpdate, describeDocStoreContract } from './storeContract.js';

describeDocStoreContract('in-memory', () => ({ store: createMemoryStore() }));

describeDocStoreContract(
  'SQLite file',
  () => {
    const dir = mkdtempSync(join(tmpdir(), 'kinmap-store-'));
    const file = join(dir, 'store.sqlite');
    let store = createSqliteStore({ file, authorWriter: createAuditUpdateWriter });
    return {
      store,
      reopen: async () => {
        await store.close();
        store = createSqliteStore({ file, authorWriter: createAuditUpdateWriter });
        return store;
      },
      // The audit log is the one reader of what the store writes beside each authored update.
      readAudit: (boardId) => {
        const db = openDatabase(file);
        try {
          return createAuditLog(db)
            .rows(boardId)
            .flatMap((row): AuditedUpdate[] => {
              if (row.source !== 'update') return [];
              const { seq, participantId, role, sessionId, at, changes } = row;
              return [{ seq, participantId, role: role as AuditedUpdate['role'], sessionId, at, changes }];
            });
        } finally {
          db.close();
        }
      },
      cleanup: () => rmSync(dir, { recursive: true, force: true }),
    };
  },
  { durable: true, audited: true },
);
