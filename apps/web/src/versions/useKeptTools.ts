import { useCallback, useEffect, useState } from 'react';
import { type KeptTool, listKeptTools } from './versionToolsApi';

export type KeptToolsData =
  | { readonly state: 'loading' }
  | { readonly state: 'failed' }
  | { readonly state: 'ready'; readonly tools: readonly KeptTool[] };

/** The child's tools a version kept, loaded when it opens and again after one is brought back. */
export function useKeptTools(boardId: string, versionId: string) {
  const [data, setData] = useState<KeptToolsData>({ state: 'loading' });
  const reload = useCallback(async () => {
    const result = await listKeptTools(boardId, versionId);
    setData(result.ok ? { state: 'ready', tools: result.value } : { state: 'failed' });
  }, [boardId, versionId]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { data, reload };
}
