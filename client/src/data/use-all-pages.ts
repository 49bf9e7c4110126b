import { useEffect, useRef, useState } from 'react';

/** One page of a Relay-style connection, as every list query of the API answers it. */
export interface Page<N> {
  nodes: N[];
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
}

/** Follows the pages of a connection until the last (at most `maxPages`, a guard against a loop). */
export async function fetchAllPages<N>(fetchPage: (after: string | null) => Promise<Page<N>>, maxPages = 40): Promise<N[]> {
  const nodes: N[] = [];
  let after: string | null = null;
  for (let page = 0; page < maxPages; page++) {
    const res: Page<N> = await fetchPage(after);
    nodes.push(...res.nodes);
    if (!res.pageInfo.hasNextPage) break;
    after = res.pageInfo.endCursor ?? null;
  }
  return nodes;
}

/**
 * All nodes of a paged query, fetched again whenever `key` changes (null: nothing to fetch).
 * `fetchPage` is read at fetch time, so it may close over the values `key` stands for.
 */
export function useAllPages<N>(key: string | null, fetchPage: (after: string | null) => Promise<Page<N>>, maxPages = 40) {
  const fetchRef = useRef(fetchPage);
  fetchRef.current = fetchPage;
  const [state, setState] = useState<{ key: string | null; nodes: N[] | null; error: boolean }>({ key: null, nodes: null, error: false });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (key === null) return;
    let cancelled = false;
    setState({ key, nodes: null, error: false });
    fetchAllPages((after) => fetchRef.current(after), maxPages).then(
      (nodes) => !cancelled && setState({ key, nodes, error: false }),
      () => !cancelled && setState({ key, nodes: null, error: true }),
    );
    return () => {
      cancelled = true;
    };
  }, [key, maxPages, attempt]);

  const current = key !== null && state.key === key;
  return {
    nodes: current ? state.nodes : null,
    loading: key !== null && (!current || (state.nodes === null && !state.error)),
    error: current && state.error,
    retry: () => setAttempt((a) => a + 1),
  };
}
