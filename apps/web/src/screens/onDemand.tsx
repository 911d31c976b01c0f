import { Component, type ComponentType, lazy, type ReactNode, Suspense } from 'react';
import { loadOnDemandWords, t } from '../lib/messages';

/**
 * A screen or view loaded on demand: its code is a separate file fetched the first time it is
 * shown, so opening a board ships only what the map needs (docs/PERFORMANCE.md, "First load").
 * Offline, the service worker already holds every such file (offline/shellCache.ts).
 * The view's words (lib/onDemandWords.ts) arrive with it: it renders only once both are here.
 */
export function onDemand<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  // The view's code and the words of the on-demand views (lib/onDemandWords.ts), fetched together.
  const Lazy = lazy(async () => {
    const [view] = await Promise.all([load(), loadOnDemandWords()]);
    return { default: view };
  });
  // biome-ignore lint/correctness/noComponentHookFactories: called once per view at module load (lazyViews.ts), never during a render.
  function OnDemand(props: P) {
    return (
      <LoadProblem>
        <Suspense fallback={<ViewLoading />}>
          <Lazy {...props} />
        </Suspense>
      </LoadProblem>
    );
  }
  return OnDemand;
}

/** What shows while a view's code arrives: a polite status, usually gone before it is seen. */
export function ViewLoading() {
  return (
    <div className="view-loading" role="status">
      <span className="view-loading__spinner" aria-hidden="true" />
      <span>{t('app.loadingView')}</span>
    </div>
  );
}

interface LoadProblemState {
  readonly failed: boolean;
}

/** A view whose code could not be fetched (offline before it was ever kept, a deploy): say so. */
class LoadProblem extends Component<{ readonly children: ReactNode }, LoadProblemState> {
  override state: LoadProblemState = { failed: false };

  static getDerivedStateFromError(): LoadProblemState {
    return { failed: true };
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <div className="view-loading" role="alert">
        <p>{t('app.loadFailed')}</p>
        <button type="button" onClick={() => location.reload()}>
          {t('app.reload')}
        </button>
      </div>
    );
  }
}
