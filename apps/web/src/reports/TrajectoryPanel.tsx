import type { Trajectory, TrajectoryScale } from '@kinmap/model';
import { useCallback, useEffect, useState } from 'react';
import { t } from '../lib/messages';
import type { ChartFilter } from './chartGeometry';
import { fetchTrajectory } from './reportsApi';
import { TrajectoryChart } from './TrajectoryChart';

export interface TrajectoryPanelProps {
  readonly boardId: string;
}

type Loaded =
  | { readonly state: 'loading' }
  | { readonly state: 'failed' }
  | { readonly state: 'ready'; readonly trajectory: Trajectory };

/** "Overall" for the overall scale; "Worry n: <danger statement>" for the n-th pair. */
function headingOf(scale: TrajectoryScale, pairNumber: number): string {
  if (scale.scaleId === 'overall') return t('reports.trajectory.overall');
  return t('reports.trajectory.pair', { number: pairNumber, title: scale.title });
}

/** Has any meeting been closed? The "now" moment alone is no trajectory yet. */
function hasMeetings(trajectory: Trajectory): boolean {
  return trajectory.moments.some((m) => m.versionId !== null);
}

/**
 * The scaling trajectory (GET /api/boards/:id/trajectory): one chart per scale, the overall
 * scale first, with toggles for each person's line and each group's average.
 */
export function TrajectoryPanel({ boardId }: TrajectoryPanelProps) {
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const [filter, setFilter] = useState<ChartFilter>({ people: true, groups: true });
  const load = useCallback(() => {
    let cancelled = false;
    setLoaded({ state: 'loading' });
    void fetchTrajectory(boardId).then((result) => {
      if (cancelled) return;
      setLoaded(result.ok ? { state: 'ready', trajectory: result.value } : { state: 'failed' });
    });
    return () => {
      cancelled = true;
    };
  }, [boardId]);
  useEffect(load, [load]);

  return (
    <section className="reports-section" aria-labelledby="trajectory-title">
      <h3 id="trajectory-title">{t('reports.trajectory.title')}</h3>
      {loaded.state === 'loading' && <p role="status">{t('reports.trajectory.loading')}</p>}
      {loaded.state === 'failed' && (
        <p role="alert">
          {t('reports.trajectory.failed')}{' '}
          <button type="button" onClick={load}>
            {t('reports.trajectory.retry')}
          </button>
        </p>
      )}
      {loaded.state === 'ready' && !hasMeetings(loaded.trajectory) && <p>{t('reports.trajectory.empty')}</p>}
      {loaded.state === 'ready' && hasMeetings(loaded.trajectory) && (
        <>
          <fieldset className="trajectory-toggles">
            <legend>{t('reports.trajectory.show')}</legend>
            <label>
              <input
                type="checkbox"
                checked={filter.people}
                onChange={(e) => setFilter({ ...filter, people: e.currentTarget.checked })}
              />{' '}
              {t('reports.trajectory.showPeople')}
            </label>
            <label>
              <input
                type="checkbox"
                checked={filter.groups}
                onChange={(e) => setFilter({ ...filter, groups: e.currentTarget.checked })}
              />{' '}
              {t('reports.trajectory.showGroups')}
            </label>
          </fieldset>
          <p>
            <button type="button" onClick={load}>
              {t('reports.trajectory.refresh')}
            </button>
          </p>
          {!filter.people && !filter.groups && <p className="hint">{t('reports.trajectory.nothingShown')}</p>}
          {loaded.trajectory.scales.map((scale, i) => (
            <TrajectoryChart
              key={scale.scaleId}
              trajectory={loaded.trajectory}
              scale={scale}
              // The overall scale comes first, so the pairs are numbered from 1 after it.
              heading={headingOf(scale, loaded.trajectory.scales[0]?.scaleId === 'overall' ? i : i + 1)}
              filter={filter}
            />
          ))}
        </>
      )}
    </section>
  );
}
