// The live count of people inside the areas being drawn: asked again a moment after each change
// (debounced), the answer for the latest areas winning over slower earlier ones.
import type { AffectedCounts, AreaInput } from '@siaga/contracts';
import { useEffect, useState } from 'react';
import { crisesApi } from './crises.api';

const DEBOUNCE_MS = 350;

export interface LiveCount {
  counts: AffectedCounts | null;
  busy: boolean;
  error: unknown;
}

export function useAffectedCount(areas: readonly AreaInput[], countries: readonly string[]): LiveCount {
  const [state, setState] = useState<LiveCount>({ counts: null, busy: false, error: null });
  const key = JSON.stringify([areas, countries]);

  useEffect(() => {
    if (areas.length === 0) {
      setState({ counts: null, busy: false, error: null });
      return;
    }
    let live = true;
    setState((s) => ({ ...s, busy: true }));
    const timer = window.setTimeout(() => {
      crisesApi
        .count({ areas: [...areas], countries: [...countries] })
        .then((counts) => live && setState({ counts, busy: false, error: null }))
        .catch((error: unknown) => live && setState({ counts: null, busy: false, error }));
    }, DEBOUNCE_MS);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
    // `key` stands for the areas and countries by value.
  }, [key]);

  return state;
}
