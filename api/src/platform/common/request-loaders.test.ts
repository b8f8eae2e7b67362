import { describe, expect, it } from '@jest/globals';
import { requestLoader } from './request-loaders.js';

describe('a request loader', () => {
  it('says at once what the request already holds, primed or read, and nothing it has not read', async () => {
    const req = {};
    const reads: string[][] = [];
    const loader = requestLoader<string, string | null>(req, 'names', async (ids) => {
      reads.push([...ids]);
      return ids.map((id) => (id === 'gone' ? null : id === 'bad' ? new Error('refused') : `name of ${id}`));
    });
    loader.prime('a', 'Ana');
    expect(loader.held('a')).toBe('Ana');
    expect(loader.held('b')).toBeUndefined();

    await expect(loader.load('b')).resolves.toBe('name of b');
    await expect(loader.load('gone')).resolves.toBeNull();
    await expect(loader.load('bad')).rejects.toThrow('refused');
    expect(loader.held('b')).toBe('name of b');
    expect(loader.held('gone')).toBeNull();
    expect(loader.held('bad')).toBeUndefined();
    expect(reads).toEqual([['b'], ['gone'], ['bad']]);

    // As DataLoader does, the first value primed or read stays; a cleared key must be read again.
    loader.prime('a', 'Someone else');
    expect(loader.held('a')).toBe('Ana');
    loader.clear('b');
    expect(loader.held('b')).toBeUndefined();
  });

  it('is the same loader for the same request and name, and a new one for another request', () => {
    const req = {};
    const batch = async (ids: readonly string[]) => ids;
    const first = requestLoader(req, 'ids', batch);
    first.prime('x', 'x');
    expect(requestLoader(req, 'ids', batch).held('x')).toBe('x');
    expect(requestLoader({}, 'ids', batch).held('x')).toBeUndefined();
  });

  it('keys what it holds as it caches, by cacheKeyFn', async () => {
    const loader = requestLoader<{ id: string }, string, string>({}, 'by-id', async (items) => items.map((i) => i.id.toUpperCase()), {
      cacheKeyFn: (item) => item.id,
    });
    await loader.load({ id: 'c' });
    expect(loader.held({ id: 'c' })).toBe('C');
  });
});
