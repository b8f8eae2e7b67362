import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useLocation, useSearchParams } from 'react-router';
import { filtersFromSearch, searchFromFilters, type CatalogueFilters } from '../catalogue-filter';

/**
 * The catalogue's filters, kept in the address. Choosing a language, a kind or "open" is a step Back
 * undoes; typing a search is one step however many letters it takes (the first letter adds a step, the
 * rest replace it). The search box shows what was typed at once, while the address catches up.
 */
export function useCatalogueFilters() {
  const [params, setParams] = useSearchParams();
  const location = useLocation();
  const filters = useMemo(() => filtersFromSearch(params), [params]);
  const [text, setText] = useState(filters.q);
  const latest = useRef(filters);
  latest.current = { ...filters, q: text };
  // Searches this page wrote to the address that it has not seen come back yet: any other change of
  // the address (Back, Forward, a link) puts its search in the box.
  const written = useRef<string[]>([]);

  useEffect(() => {
    const ours = written.current.findIndex((q) => q.trim() === filters.q.trim());
    if (ours >= 0) {
      written.current = written.current.slice(ours + 1);
      return;
    }
    written.current = [];
    setText((typed) => (typed.trim() === filters.q.trim() ? typed : filters.q));
  }, [filters.q, location.key]);

  const update = useCallback(
    (change: Partial<CatalogueFilters>, replace = false) => {
      setParams(searchFromFilters({ ...latest.current, ...change }), { replace });
    },
    [setParams],
  );

  const search = useCallback(
    (q: string) => {
      const starting = latest.current.q.trim() === '';
      setText(q);
      written.current.push(q);
      update({ q }, !starting);
      latest.current = { ...latest.current, q };
    },
    [update],
  );

  const clear = useCallback(() => {
    setText('');
    written.current.push('');
    setParams(new URLSearchParams());
  }, [setParams]);

  return { filters: latest.current, search, update, clear };
}
