import DataLoader from 'dataloader';

const loadersByRequest = new WeakMap<object, Map<string, RequestLoader<unknown, unknown, unknown>>>();

/**
 * A DataLoader that also says, without waiting, what this request already holds (primed, or read and
 * settled). A field resolved once per item of a long list answers with the value itself when it is held:
 * graphql-js then makes no promise for that item and the items around it.
 */
export class RequestLoader<K, V, C = K> extends DataLoader<K, V, C> {
  private declare readonly settled: Map<C, V>;
  private declare readonly keyOf: (key: K) => C;

  constructor(batch: DataLoader.BatchLoadFn<K, V>, options?: DataLoader.Options<K, V, C>) {
    const settled = new Map<C, V>();
    const keyOf = options?.cacheKeyFn ?? ((key: K) => key as unknown as C);
    super(async (keys) => {
      const values = await batch(keys);
      keys.forEach((key, i) => {
        const value = values[i];
        if (!(value instanceof Error) && !settled.has(keyOf(key))) settled.set(keyOf(key), value);
      });
      return values;
    }, options);
    this.settled = settled;
    this.keyOf = keyOf;
  }

  /** The value when this request already holds it; undefined when it must still be loaded. */
  held(key: K): V | undefined {
    return this.settled.get(this.keyOf(key));
  }

  override prime(key: K, value: V | PromiseLike<V> | Error): this {
    // DataLoader keeps the first value primed or loaded for a key; so does `held`.
    const id = this.keyOf(key);
    if (!(value instanceof Error) && !isPromiseLike(value) && !this.settled.has(id)) this.settled.set(id, value);
    return super.prime(key, value);
  }

  override clear(key: K): this {
    this.settled.delete(this.keyOf(key));
    return super.clear(key);
  }

  override clearAll(): this {
    this.settled.clear();
    return super.clearAll();
  }
}

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as PromiseLike<unknown> | null)?.then === 'function';
}

/**
 * A DataLoader that lives as long as one request, so a list of N items costs one query per field
 * instead of N, and nothing cached outlives the request (or leaks between viewers).
 */
export function requestLoader<K, V, C = K>(
  req: object,
  name: string,
  batch: (keys: readonly K[]) => Promise<ReadonlyArray<V | Error>>,
  options?: DataLoader.Options<K, V, C>,
): RequestLoader<K, V, C> {
  let loaders = loadersByRequest.get(req);
  if (!loaders) loadersByRequest.set(req, (loaders = new Map()));
  let loader = loaders.get(name) as RequestLoader<K, V, C> | undefined;
  if (!loader) {
    loader = new RequestLoader<K, V, C>(batch, options);
    loaders.set(name, loader as RequestLoader<unknown, unknown, unknown>);
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
