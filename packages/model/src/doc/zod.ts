import { z } from 'zod/mini';
import en from 'zod/v4/locales/en.js';

/**
 * Zod for the model and the protocol: the functional `zod/mini` API, so the web's bundle carries
 * only the checks it uses. Unlike classic `zod`, `zod/mini` loads no messages of its own; the
 * English ones are set here so that issues (and the API's `invalid-input` messages built from
 * them) read as before. Import `z` from this module, never from 'zod' or 'zod/mini' directly.
 */
z.config(en());

export { z };
