import { type FormEvent, useState } from 'react';
import { FormField, FormProblem, SubmitButton } from '../lib/FormField';
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
        <FormField
          id="import-file"
          label={t('reports.import.file')}
          hint={t('reports.import.hint')}
          type="file"
          accept="application/json,.json"
          aria-invalid={problem !== null && problem !== 'failed'}
          onChange={(e) => {
            setFile(e.currentTarget.files?.[0] ?? null);
            setProblem(null);
          }}
        />
        <FormProblem>{problem && t(`reports.import.${problem}`, { limit: IMPORT_LIMIT_MB })}</FormProblem>
        <SubmitButton
          busy={busy}
          label={t('reports.import.button')}
          busyLabel={t('reports.import.working')}
        />
      </form>
    </section>
  );
}
