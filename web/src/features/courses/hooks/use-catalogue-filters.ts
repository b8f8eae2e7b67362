import { useCallback } from 'react';
import { useAddressState } from '../../../app/use-address-state';
import { filtersFromSearch, NO_FILTERS, searchFromFilters, type CatalogueFilters } from '../catalogue-filter';

/**
 * The catalogue's filters, kept in the address. Choosing a language, a kind or "open" is a step Back
 * undoes; typing a search is one step however many letters it takes (the first letter adds a step, the
 * rest replace it). Every control shows its new value at once, while the address catches up.
 */
export function useCatalogueFilters() {
  const [filters, setFilters] = useAddressState(filtersFromSearch, searchFromFilters);

  const update = useCallback((change: Partial<CatalogueFilters>) => setFilters((current) => ({ ...current, ...change })), [setFilters]);

  const search = useCallback(
    (q: string) => setFilters((current) => ({ ...current, q }), { replace: (current) => current.q.trim() !== '' }),
    [setFilters],
  );

  const clear = useCallback(() => setFilters(NO_FILTERS), [setFilters]);

  return { filters, search, update, clear };
}
