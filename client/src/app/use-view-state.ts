// The view lives in the address bar. Choices a planner would step back through (area, layer,
// indicator, years, level, category) are new history entries, so Back returns to the previous
// view instead of leaving the atlas; panning and zooming only replace the current entry.
import { useCallback, useEffect, useRef, useState } from 'react';
import { parseView, serializeView, type ViewState } from '../lib/url-state';

const STEPS: (keyof ViewState)[] = ['area', 'layer', 'indicator', 'gapCategory', 'year', 'compareYear', 'level', 'compareOpen', 'city'];

export function useViewState() {
  const [view, setView] = useState<ViewState>(() => parseView(window.location.search));
  const push = useRef(false);
  useEffect(() => {
    const search = serializeView(view);
    if (search === window.location.search) return;
    // the hash (e.g. of a skip link) never goes into a shared address
    if (push.current) window.history.pushState(null, '', search);
    else window.history.replaceState(null, '', search);
    push.current = false;
  }, [view]);
  useEffect(() => {
    const onPop = () => setView(parseView(window.location.search));
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  const update = useCallback(
    (patch: Partial<ViewState>) =>
      setView((v) => {
        if (STEPS.some((k) => k in patch && patch[k] !== v[k])) push.current = true;
        return { ...v, ...patch };
      }),
    [],
  );
  return [view, update] as const;
}
