import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { draftStore } from '../../app/draft-store';
import { DraftSync, type ServerText, type Snapshot } from './draft-sync';

const { keepDraft, readDraft } = draftStore('assignment');

const USER = 'user-1';
const ASSIGNMENT = 'assignment-1';

/** A server holding one submission, with the version rule of the API: a stale expectedVersion is a CONFLICT. */
function fakeServer(initial: ServerText | null) {
  let current = initial;
  let reachable = true;
  const saves: { body: string; expectedVersion: number | null }[] = [];
  return {
    get current() {
      return current;
    },
    set reachable(value: boolean) {
      reachable = value;
    },
    saves,
    /** Another member of the group saves. */
    othersSave(body: string) {
      current = { body, version: (current?.version ?? 0) + 1, status: 'DRAFT', updatedAt: '2026-12-02T03:00:00.000Z' };
    },
    async save(body: string, expectedVersion: number | null): Promise<ServerText> {
      saves.push({ body, expectedVersion });
      if (!reachable) throw new TypeError('Failed to fetch');
      if (current && expectedVersion !== current.version) {
        throw new CombinedGraphQLErrors({ errors: [{ message: 'stale', extensions: { code: 'CONFLICT', field: 'body' } }] });
      }
      current = { body, version: (current?.version ?? 0) + 1, status: 'DRAFT', updatedAt: '2026-12-02T03:42:00.000Z' };
      return current;
    },
    async fetchCurrent() {
      if (!reachable) throw new TypeError('Failed to fetch');
      return current;
    },
  };
}

let online = true;
function sync(server: ReturnType<typeof fakeServer>) {
  const seen: Snapshot[] = [];
  const draft = new DraftSync(server.current, {
    userId: USER,
    assignmentId: ASSIGNMENT,
    save: (body, version) => server.save(body, version),
    fetchCurrent: () => server.fetchCurrent(),
    onChange: (snapshot) => seen.push(snapshot),
    online: () => online,
  });
  const stop = draft.start();
  return { draft, seen, stop, last: () => draft.snapshot() };
}

beforeEach(() => {
  vi.useFakeTimers();
  localStorage.clear();
  sessionStorage.clear();
  online = true;
});
afterEach(() => {
  vi.useRealTimers();
});

test('typing is kept on the device at once and sent 1.5 s after it pauses, with the version it was written on', async () => {
  const server = fakeServer({ body: 'Our plan', version: 3, status: 'DRAFT' });
  const { draft, last } = sync(server);
  draft.edit('Our plan: visit the provinces');
  expect(readDraft(USER, ASSIGNMENT)?.body).toBe('Our plan: visit the provinces');
  expect(last().state.kind).toBe('unsaved');
  await vi.advanceTimersByTimeAsync(1_000);
  expect(server.saves).toEqual([]);
  await vi.advanceTimersByTimeAsync(600);
  expect(server.saves).toEqual([{ body: 'Our plan: visit the provinces', expectedVersion: 3 }]);
  expect(last().state).toEqual({ kind: 'saved', at: '2026-12-02T03:42:00.000Z' });
  // Confirmed: nothing more kept.
  expect(readDraft(USER, ASSIGNMENT)).toBeNull();
});

test('offline, the text stays kept and is sent when the connection returns', async () => {
  const server = fakeServer({ body: '', version: 1, status: 'DRAFT' });
  const { draft, last } = sync(server);
  online = false;
  draft.edit('Written on the bus');
  await vi.advanceTimersByTimeAsync(2_000);
  expect(last().state.kind).toBe('offline');
  expect(server.saves).toEqual([]);
  expect(readDraft(USER, ASSIGNMENT)?.body).toBe('Written on the bus');

  online = true;
  window.dispatchEvent(new Event('online'));
  await vi.advanceTimersByTimeAsync(0);
  expect(server.current?.body).toBe('Written on the bus');
  expect(last().state.kind).toBe('saved');
  expect(readDraft(USER, ASSIGNMENT)).toBeNull();
});

test('a dropped request is tried again with growing pauses until the server has the text', async () => {
  const server = fakeServer({ body: '', version: 1, status: 'DRAFT' });
  const { draft, last } = sync(server);
  server.reachable = false;
  draft.edit('First paragraph');
  await vi.advanceTimersByTimeAsync(1_500);
  expect(last().state).toEqual({ kind: 'failed', code: 'NETWORK', retrying: true });
  await vi.advanceTimersByTimeAsync(1_000);
  expect(server.saves).toHaveLength(2);
  await vi.advanceTimersByTimeAsync(1_000);
  // The second pause is longer than the first.
  expect(server.saves).toHaveLength(2);
  server.reachable = true;
  await vi.advanceTimersByTimeAsync(1_000);
  expect(server.saves).toHaveLength(3);
  expect(server.current?.body).toBe('First paragraph');
  expect(last().state.kind).toBe('saved');
});

test('after a reload the unsent text is restored from the device and sent on its own version', async () => {
  const server = fakeServer({ body: 'Saved part', version: 2, status: 'DRAFT' });
  keepDraft(USER, ASSIGNMENT, 'Saved part, and what was typed offline', 2);
  const { last } = sync(server);
  expect(last().text).toBe('Saved part, and what was typed offline');
  expect(last().restored).toBe(true);
  await vi.advanceTimersByTimeAsync(0);
  expect(server.saves).toEqual([{ body: 'Saved part, and what was typed offline', expectedVersion: 2 }]);
  expect(last().state.kind).toBe('saved');
});

test('a kept copy the server already has is dropped, and the server text shown', () => {
  const server = fakeServer({ body: 'Same text', version: 4, status: 'DRAFT' });
  keepDraft(USER, ASSIGNMENT, 'Same text', 3);
  const { last } = sync(server);
  expect(last()).toEqual({ text: 'Same text', state: { kind: 'idle' }, restored: false });
  expect(readDraft(USER, ASSIGNMENT)).toBeNull();
});

test('text typed while a save travels is kept and sent next, on the new version', async () => {
  const server = fakeServer({ body: '', version: 1, status: 'DRAFT' });
  let release!: () => void;
  const slowSave = server.save.bind(server);
  server.save = (body, version) => new Promise((resolve, reject) => (release = () => slowSave(body, version).then(resolve, reject)));
  const { draft, last } = sync(server);
  draft.edit('One');
  await vi.advanceTimersByTimeAsync(1_500);
  draft.edit('One two');
  release();
  await vi.advanceTimersByTimeAsync(0);
  expect(readDraft(USER, ASSIGNMENT)).toMatchObject({ body: 'One two', baseVersion: 2 });
  await vi.advanceTimersByTimeAsync(1_500);
  release();
  await vi.advanceTimersByTimeAsync(0);
  expect(server.current).toMatchObject({ body: 'One two', version: 3 });
  expect(last().state.kind).toBe('saved');
});

test('a member who saved first is never overwritten: the stale save gets both texts to choose from', async () => {
  const server = fakeServer({ body: 'Intro', version: 1, status: 'DRAFT' });
  const { draft, last } = sync(server);
  server.othersSave('Intro\nTheir paragraph');
  draft.edit('Intro\nMy paragraph');
  await vi.advanceTimersByTimeAsync(1_500);
  expect(server.current?.body).toBe('Intro\nTheir paragraph');
  expect(last().state).toMatchObject({ kind: 'conflict', theirs: { body: 'Intro\nTheir paragraph', version: 2 } });
  // Mine stays kept while the learner decides, and nothing is sent meanwhile.
  expect(readDraft(USER, ASSIGNMENT)?.body).toBe('Intro\nMy paragraph');
  draft.edit('Intro\nMy paragraph, longer');
  await vi.advanceTimersByTimeAsync(5_000);
  expect(server.saves).toHaveLength(1);

  await draft.resolve({ keep: 'text', text: 'Intro\nTheir paragraph\nMy paragraph, longer' });
  expect(server.saves.at(-1)).toEqual({ body: 'Intro\nTheir paragraph\nMy paragraph, longer', expectedVersion: 2 });
  expect(server.current?.body).toBe('Intro\nTheir paragraph\nMy paragraph, longer');
  expect(last().state.kind).toBe('saved');
});

test('keeping theirs shows the server text and forgets mine', async () => {
  const server = fakeServer({ body: 'A', version: 1, status: 'DRAFT' });
  const { draft, last } = sync(server);
  server.othersSave('A from them');
  draft.edit('A from me');
  await vi.advanceTimersByTimeAsync(1_500);
  await draft.resolve({ keep: 'theirs' });
  expect(last().text).toBe('A from them');
  expect(last().state.kind).toBe('saved');
  expect(readDraft(USER, ASSIGNMENT)).toBeNull();
  expect(server.current?.body).toBe('A from them');
});

test('a save whose answer was lost is recognised on its CONFLICT and not offered as a merge', async () => {
  const server = fakeServer({ body: '', version: 1, status: 'DRAFT' });
  const { draft, last } = sync(server);
  // The server took the text, the answer never came back, and the retry carried the old version.
  server.othersSave('Mine');
  draft.edit('Mine');
  await vi.advanceTimersByTimeAsync(1_500);
  expect(last().state.kind).toBe('saved');
  expect(readDraft(USER, ASSIGNMENT)).toBeNull();
});

test('on a shared computer the text is kept for the tab only', () => {
  sessionStorage.setItem('kapwa.token', 'token');
  keepDraft(USER, ASSIGNMENT, 'Kept for this tab', 1);
  expect(localStorage.length).toBe(0);
  expect(readDraft(USER, ASSIGNMENT)?.body).toBe('Kept for this tab');
});

test('a file attached or removed (touch) is saved at once though the text did not change, and again after a dropped request', async () => {
  const server = fakeServer({ body: 'Our plan', version: 3, status: 'DRAFT' });
  const { draft, last } = sync(server);
  expect(draft.hasUnsent()).toBe(false);
  server.reachable = false;
  draft.touch();
  expect(draft.hasUnsent()).toBe(true);
  await vi.advanceTimersByTimeAsync(0);
  expect(server.saves).toEqual([{ body: 'Our plan', expectedVersion: 3 }]);
  expect(last().state).toEqual({ kind: 'failed', code: 'NETWORK', retrying: true });
  // Still owed: the retry sends it.
  expect(draft.hasUnsent()).toBe(true);
  server.reachable = true;
  await vi.advanceTimersByTimeAsync(1_000);
  expect(server.saves).toHaveLength(2);
  expect(server.current).toMatchObject({ body: 'Our plan', version: 4 });
  expect(last().state.kind).toBe('saved');
  expect(draft.hasUnsent()).toBe(false);
  // Nothing more to send.
  await vi.advanceTimersByTimeAsync(5_000);
  expect(server.saves).toHaveLength(2);
});

test('a touch while a save travels is sent after it, on the new version', async () => {
  const server = fakeServer({ body: '', version: 1, status: 'DRAFT' });
  const { draft } = sync(server);
  draft.edit('Text');
  await vi.advanceTimersByTimeAsync(1_500);
  const first = draft.flush();
  draft.touch();
  await first;
  await vi.advanceTimersByTimeAsync(1_500);
  expect(server.saves).toEqual([
    { body: 'Text', expectedVersion: 1 },
    { body: 'Text', expectedVersion: 2 },
  ]);
});
