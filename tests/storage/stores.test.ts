import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSqliteStore } from '@kinmap/server';
import { createMemoryStore } from '@kinmap/sync';
import { describeDocStoreContract } from './storeContract.js';

describeDocStoreContract('in-memory', () => ({ store: createMemoryStore() }));

describeDocStoreContract(
  'SQLite file',
  () => {
    const dir = mkdtempSync(join(tmpdir(), 'kinmap-store-'));
    const file = join(dir, 'store.sqlite');
    let store = createSqliteStore({ file });
    return {
      store,
      reopen: async () => {
        await store.close();
        store = createSqliteStore({ file });
        return store;
      },
      cleanup: () => rmSync(dir, { recursive: true, force: true }),
    };
  },
  { durable: true },
);
