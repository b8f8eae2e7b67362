import { useEffect, useRef } from 'react';

/**
 * Calls `follow(was, now)` when a saved value changes under an open form (a title renamed in the
 * outline), so the form can take it up where the person has not typed something else.
 */
export function useFollowSaved(saved: string | undefined, follow: (was: string, now: string) => void) {
  const last = useRef(saved);
  useEffect(() => {
    const was = last.current;
    last.current = saved;
    if (was !== undefined && saved !== undefined && was !== saved) follow(was, saved);
    // `follow` is a new function each render; only the saved value matters.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [saved]);
}
