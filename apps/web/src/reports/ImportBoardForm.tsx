import { type FormEvent, useState } from 'react';
import { t } from '../lib/messages';
import { boardPath, navigate } from '../lib/router';
import { checkImportFile, IMPORT_LIMIT_MB, type ImportProblem, importProblem } from './importFile';
import { IMPORT_LIMIT_BYTES, importBoard } from './reportsApi';
import './reports.css';

/**
 * "Import a board from a file" on the board list: a board's data file (the JSON export) becomes
 * a new board, with this staff member as its facilitator; then the new board opens.
 */
export function ImportBoardForm() {
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ImportProblem | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) {
      setProblem('noFile');
      return;
    }
    setBusy(true);
    setProblem(null);
    // A file over the limit is never read: checkImportFile refuses it by its size alone.
    const text = file.size <= IMPORT_LIMIT_BYTES ? await file.text() : '';
    const check = checkImportFile(file.size, () => text);
    const result = check.ok ? await importBoard(check.value) : null;
    setBusy(false);
    if (!check.ok) setProblem(check.problem);
    else if (result && !result.ok) setProblem(importProblem(result.reason));
    else if (result?.ok) navigate(boardPath(result.value.id));
  };

  return (
    <section className="board-import" aria-labelledby="import-title">
      <h2 id="import-title">{t('reports.import.title')}</h2>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <label htmlFor="import-file">{t('reports.import.file')}</label>
        <p id="import-file-hint" className="hint">
          {t('reports.import.hint')}
        </p>
        <input
          id="import-file"
          type="file"
          accept="application/json,.json"
          aria-describedby="import-file-hint"
          aria-invalid={problem !== null && problem !== 'failed'}
          onChange={(e) => {
            setFile(e.currentTarget.files?.[0] ?? null);
            setProblem(null);
          }}
        />
        {problem && (
          <p className="error" role="alert">
            {t(`reports.import.${problem}`, { limit: IMPORT_LIMIT_MB })}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {t(busy ? 'reports.import.working' : 'reports.import.button')}
        </button>
      </form>
    </section>
  );
}
