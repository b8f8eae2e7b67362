import DataLoader from 'dataloader';

const loadersByRequest = new WeakMap<object, Map<string, DataLoader<unknown, unknown>>>();

/**
 * A DataLoader that lives as long as one request, so a list of N items costs one query per field
 * instead of N, and nothing cached outlives the request (or leaks between viewers).
 */
export function requestLoader<K, V, C = K>(
  req: object,
  name: string,
  batch: (keys: readonly K[]) => Promise<ReadonlyArray<V | Error>>,
  options?: DataLoader.Options<K, V, C>,
): DataLoader<K, V, C> {
  let loaders = loadersByRequest.get(req);
  if (!loaders) loadersByRequest.set(req, (loaders = new Map()));
  let loader = loaders.get(name) as DataLoader<K, V, C> | undefined;
  if (!loader) {
    loader = new DataLoader<K, V, C>(batch, options);
    loaders.set(name, loader as DataLoader<unknown, unknown>);
  }
  return loader;
}

/** Orders rows to match the keys DataLoader asked for; missing ones come back as null. */
export function byKeys<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): (V | null)[] {
  const map = new Map(rows.map((row) => [keyOf(row), row]));
  return keys.map((key) => map.get(key) ?? null);
}

/** Groups rows under the keys DataLoader asked for, in their order; a key without rows gets []. */
export function groupBy<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): V[][] {
  const groups = new Map<K, V[]>(keys.map((key) => [key, []]));
  for (const row of rows) groups.get(keyOf(row))?.push(row);
  return keys.map((key) => groups.get(key)!);
}
