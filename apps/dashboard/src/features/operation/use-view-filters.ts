import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { parseViewFilters, serializeViewFilters, type ViewFilters } from './view-filters';

/** The view's filters, read from and written to the URL (replacing the history entry: filters are not pages). */
export function useViewFilters(): [ViewFilters, (update: (current: ViewFilters) => ViewFilters) => void] {
  const [params, setParams] = useSearchParams();
  const search = params.toString();
  const filters = useMemo(() => parseViewFilters(new URLSearchParams(search)), [search]);
  const update = useCallback(
    (change: (current: ViewFilters) => ViewFilters) => {
      setParams((current) => serializeViewFilters(change(parseViewFilters(current))), { replace: true });
    },
    [setParams],
  );
  return [filters, update];
}
