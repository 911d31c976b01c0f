import { createWriteStream, existsSync, mkdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SERVER_CLI, SERVER_MAIN, startServerProcess, TEST_STAFF } from '../support/serverProcess.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const WEB_INDEX = join(ROOT, 'apps/web/dist/index.html');

/**
 * Creates an administrator with the server's own CLI (as the README tells an operator to), starts
 * the built server (`node apps/server/dist/main.js`) on a free port with a temporary
 * KINMAP_DATA_DIR, and shares its address and the administrator's credentials through
 * KINMAP_E2E_BASE_URL, KINMAP_E2E_STAFF_EMAIL and KINMAP_E2E_STAFF_PASSWORD; stops it afterwards.
 * With KINMAP_E2E_BASE_URL already set, that server is used instead (set the credentials too).
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  if (process.env.KINMAP_E2E_BASE_URL) return async () => {};
  for (const file of [SERVER_MAIN, SERVER_CLI, WEB_INDEX]) {
    if (!existsSync(file)) throw new Error(`${file} is missing: build first (\`npx -y pnpm@12.4.2 build\`)`);
  }
  const dataDir = await mkdtemp(join(tmpdir(), 'kinmap-e2e-'));
  mkdirSync(join(ROOT, 'test-results'), { recursive: true });
  const log = createWriteStream(join(ROOT, 'test-results', 'e2e-server.log'));
  try {
    const server = await startServerProcess({ dataDir, output: log, staff: TEST_STAFF });
    process.env.KINMAP_E2E_BASE_URL = server.url;
    process.env.KINMAP_E2E_STAFF_EMAIL = TEST_STAFF.email;
    process.env.KINMAP_E2E_STAFF_PASSWORD = TEST_STAFF.password;
    return async () => {
      await server.stop();
      log.end();
      await rm(dataDir, { recursive: true, force: true });
    };
  } catch (error) {
    log.end();
    await rm(dataDir, { recursive: true, force: true });
    throw new Error(`${(error as Error).message}; see test-results/e2e-server.log`);
  }
}
