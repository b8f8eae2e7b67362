import { useCallback, useEffect, useState } from 'react';
import { useAddressState } from '../../app/use-address-state';
import { filtersFromSearch, type LibraryFilters, NO_FILTERS, searchFromFilters } from './resource-filter';

/**
 * The library's filters, kept in the address (shareable; Back undoes a choice). Typing is one step
 * however many letters it takes. `asked` follows `filters` a moment later while someone types, so the
 * API is not asked once per letter.
 */
export function useLibraryFilters(delayMs = 300) {
  const [filters, setFilters] = useAddressState(filtersFromSearch, searchFromFilters);
  const [asked, setAsked] = useState(filters);

  useEffect(() => {
    const typing = filters.q !== asked.q || filters.tag !== asked.tag;
    if (!typing) {
      setAsked(filters);
      return;
    }
    const timer = setTimeout(() => setAsked(filters), delayMs);
    return () => clearTimeout(timer);
  }, [filters, asked, delayMs]);

  const update = useCallback(
    (change: Partial<LibraryFilters>, typing = false) =>
      setFilters((current) => ({ ...current, ...change }), { replace: (current) => typing && (current.q.trim() !== '' || current.tag.trim() !== '') }),
    [setFilters],
  );
  const clear = useCallback(() => setFilters(NO_FILTERS), [setFilters]);
  return { filters, asked, update, clear };
}
