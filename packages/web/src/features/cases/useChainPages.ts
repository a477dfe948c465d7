import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../../api/client';
import type { ChainContacts, ChainCounts, ChainEdge, ChainNode, ChainPage } from './types';

export const CHAIN_PAGE_SIZE = 500;

interface State {
  nodes: ChainNode[]; edges: ChainEdge[]; counts: ChainCounts | null; root: ChainPage['root'] | null;
  nextOffset: number | null; loading: boolean; error: unknown;
}
const EMPTY: State = { nodes: [], edges: [], counts: null, root: null, nextOffset: 0, loading: false, error: null };

/**
 * A transmission chain fetched 500 nodes at a time and appended as pages arrive, so a 20 000-person
 * cluster shows its first nodes at once and never holds the page while the rest comes in.
 * With `auto` the next page is asked for as soon as one is drawn, after yielding to the browser.
 */
export function useChainPages(ref: string, contacts: ChainContacts) {
  const [state, setState] = useState<State>(EMPTY);
  const [auto, setAuto] = useState(true);
  const [generation, setGeneration] = useState(0);
  const busy = useRef(false);
  const epoch = useRef(0);

  const loadNext = useCallback(async (offset: number) => {
    if (busy.current) return;
    busy.current = true;
    const mine = epoch.current;
    setState((s) => ({ ...s, loading: true }));
    try {
      const page = await api.get<ChainPage>(`/chains/${ref}`, { limit: CHAIN_PAGE_SIZE, offset, contacts });
      if (mine !== epoch.current) return; // a newer chain was asked for meanwhile
      setState((s) => ({
        nodes: offset === 0 ? page.nodes : [...s.nodes, ...page.nodes],
        edges: offset === 0 ? page.edges : [...s.edges, ...page.edges],
        counts: page.counts, root: page.root, nextOffset: page.nextOffset, loading: false, error: null,
      }));
    } catch (error) {
      if (mine === epoch.current) setState((s) => ({ ...s, loading: false, error }));
    } finally {
      busy.current = false;
    }
  }, [ref, contacts]);

  useEffect(() => {
    epoch.current += 1;
    busy.current = false;
    setState(EMPTY);
    void loadNext(0);
  }, [loadNext, generation]);

  useEffect(() => {
    if (!auto || state.loading || state.error || state.nextOffset === null || state.nodes.length === 0) return;
    const timer = window.setTimeout(() => void loadNext(state.nextOffset!), 50);
    return () => window.clearTimeout(timer);
  }, [auto, state, loadNext]);

  return {
    ...state,
    auto,
    setAuto,
    loadMore: () => state.nextOffset !== null && void loadNext(state.nextOffset),
    reload: () => setGeneration((g) => g + 1),
  };
}
