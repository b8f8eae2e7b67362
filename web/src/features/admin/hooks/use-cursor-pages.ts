import { useCallback, useState } from 'react';

/**
 * Keyset pages walked forwards and back: the API gives the cursor after the current page; the cursors
 * of the pages before it are kept here. `reset` goes back to the first page (e.g. a new search).
 */
export function useCursorPages() {
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const after = cursors.at(-1);
  const next = useCallback((endCursor: string) => setCursors((c) => [...c, endCursor]), []);
  const previous = useCallback(() => setCursors((c) => (c.length > 1 ? c.slice(0, -1) : c)), []);
  const reset = useCallback(() => setCursors([undefined]), []);
  return { after, hasPrevious: cursors.length > 1, next, previous, reset };
}
