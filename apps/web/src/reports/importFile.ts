import type { ApiFailure } from '../lib/api';
import { IMPORT_LIMIT_BYTES } from './reportsApi';

/** Why a board file cannot be imported, each with its own words for the person importing. */
export type ImportProblem = 'noFile' | 'tooBig' | 'notJson' | 'invalid' | 'failed';

export type ImportCheck =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly problem: ImportProblem };

/**
 * Checks a chosen file before it is sent: not too big for the server (it would refuse it
 * anyway, after the upload), and JSON. Its content is the server's to check.
 */
export function checkImportFile(size: number, readText: () => string): ImportCheck {
  if (size > IMPORT_LIMIT_BYTES) return { ok: false, problem: 'tooBig' };
  try {
    return { ok: true, value: JSON.parse(readText()) };
  } catch {
    return { ok: false, problem: 'notJson' };
  }
}

/** What the server's refusal means to the person: a file it cannot read, or a failure to retry. */
export function importProblem(reason: ApiFailure): ImportProblem {
  return reason === 'invalid' ? 'invalid' : 'failed';
}

/** The limit in megabytes, for the words. */
export const IMPORT_LIMIT_MB = IMPORT_LIMIT_BYTES / (1024 * 1024);
