import { useCallback, useEffect, useRef, useState } from 'react';
import { useLocation, useSearchParams } from 'react-router';

type Next<T> = T | ((current: T) => T);

/**
 * State kept in the address's query, so it can be shared and Back/Forward walk through it, that the
 * controls bound to it show at once. React Router applies navigations in a transition: a control bound
 * straight to the address keeps showing its old value until that commits (a checkbox still unchecked
 * just after the click, a tab not yet selected). Here the value changes at once and the address follows;
 * an address this hook did not write (Back, Forward, a link) replaces the value.
 *
 * `write` gets the address's current query, so parameters the value does not own are kept.
 */
export function useAddressState<T>(read: (params: URLSearchParams) => T, write: (value: T, params: URLSearchParams) => URLSearchParams) {
  const [params, setParams] = useSearchParams();
  const location = useLocation();
  const [value, setValue] = useState(() => read(params));
  const latest = useRef(value);
  latest.current = value;
  const functions = useRef({ read, write });
  functions.current = { read, write };
  // Queries this hook wrote to the address that it has not yet seen arrive.
  const written = useRef<string[]>([]);

  useEffect(() => {
    const address = params.toString();
    const ours = written.current.indexOf(address);
    if (ours >= 0) {
      written.current = written.current.slice(ours + 1);
      return;
    }
    written.current = [];
    if (functions.current.write(latest.current, params).toString() !== address) setValue(functions.current.read(params));
  }, [params, location.key]);

  const set = useCallback(
    /** `replace`: the change takes the place of the address's current entry rather than adding a step. */
    (next: Next<T>, { replace = false }: { replace?: boolean | ((current: T) => boolean) } = {}) => {
      const current = latest.current;
      const value = typeof next === 'function' ? (next as (current: T) => T)(current) : next;
      latest.current = value;
      setValue(value);
      setParams(
        (address) => {
          const search = functions.current.write(value, address);
          written.current.push(search.toString());
          return search;
        },
        { replace: typeof replace === 'function' ? replace(current) : replace },
      );
    },
    [setParams],
  );

  return [value, set] as const;
}
