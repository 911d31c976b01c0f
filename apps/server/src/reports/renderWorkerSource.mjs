// Development only (Vitest, tsx): the render worker from its TypeScript source. Node 20 applies no
// loader hooks to a worker thread (neither inherited nor from `--import`), so this worker registers
// tsx itself before it loads the source; the built server runs dist/reports/renderWorker.js instead.
import { register } from 'tsx/esm/api';

register();
const worker = await import('./renderWorker.ts');

export default worker.default;
