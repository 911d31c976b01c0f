import { useState } from 'react';
import { t } from '../lib/messages';
import { fetchFile, saveFile } from '../reports/download';
import { toolPdfUrl } from './childToolApi';

/** Downloads the tool as a PDF to print or leave with the child; a refusal is said in words. */
export function PrintTool({ boardId, toolId }: { readonly boardId: string; readonly toolId: string }) {
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const print = async () => {
    setBusy(true);
    setFailed(false);
    const file = await fetchFile(toolPdfUrl(boardId, toolId), `kinmap-${toolId}.pdf`);
    setBusy(false);
    if (file.ok) saveFile(file.value.blob, file.value.fileName);
    else setFailed(true);
  };
  return (
    <>
      <button type="button" className="child-screen__print" disabled={busy} onClick={() => void print()}>
        {t('child.print')}
      </button>
      {failed && (
        <span role="alert" className="error">
          {t('child.printFailed')}
        </span>
      )}
    </>
  );
}
