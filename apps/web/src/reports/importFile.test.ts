import { describe, expect, it } from 'vitest';
import { checkImportFile, IMPORT_LIMIT_MB, importProblem } from './importFile';
import { IMPORT_LIMIT_BYTES } from './reportsApi';

describe('checkImportFile', () => {
  it('reads a board file as JSON', () => {
    const text = JSON.stringify({ format: 'kinmap.board-export', formatVersion: 1 });
    expect(checkImportFile(text.length, () => text)).toEqual({
      ok: true,
      value: { format: 'kinmap.board-export', formatVersion: 1 },
    });
  });

  it('refuses a file bigger than the server takes, without reading it', () => {
    let read = false;
    const check = checkImportFile(IMPORT_LIMIT_BYTES + 1, () => {
      read = true;
      return '{}';
    });
    expect(check).toEqual({ ok: false, problem: 'tooBig' });
    expect(read).toBe(false);
    expect(IMPORT_LIMIT_MB).toBe(8);
  });

  it('says so when the file is not JSON', () => {
    expect(checkImportFile(5, () => '%PDF-')).toEqual({ ok: false, problem: 'notJson' });
  });
});

describe('importProblem', () => {
  it('tells a file the server cannot read from a failure worth retrying', () => {
    expect(importProblem('invalid')).toBe('invalid');
    expect(importProblem('failed')).toBe('failed');
    expect(importProblem('forbidden')).toBe('failed');
  });
});
