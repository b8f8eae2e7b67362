import { expect, test } from 'vitest';
import { AS_SERVER_HAS_THEM, afterSave, anyUnsettled, attach, detach, type DraftFile, idsToSend, shownFiles } from './attachment-choice';

const file = (id: string, status = 'READY'): DraftFile => ({
  id, filename: `${id}.pdf`, contentType: 'application/pdf', sizeBytes: 10, status: status as DraftFile['status'], url: null, audioUrl: null, thumbnailUrl: null,
});

test('untouched, the draft shows and keeps whatever the server has (a group member’s newer files included): nothing is sent', () => {
  const server = [file('a'), file('b')];
  expect(shownFiles(AS_SERVER_HAS_THEM, server)).toEqual(server);
  expect(idsToSend(AS_SERVER_HAS_THEM, server)).toBeNull();
});

test('attaching adds the upload at the end (once), shown from the upload until the server lists it', () => {
  const server = [file('a')];
  const uploaded = file('new', 'PROCESSING');
  const chosen = attach(AS_SERVER_HAS_THEM, server, uploaded);
  expect(attach(chosen, server, uploaded)).toBe(chosen);
  expect(shownFiles(chosen, server)).toEqual([file('a'), uploaded]);
  expect(idsToSend(chosen, server)).toEqual(['a', 'new']);
  // Once the server lists it, its state is the server's.
  expect(shownFiles(chosen, [file('a'), file('new', 'READY')])[1]!.status).toBe('READY');
});

test('removing one sends the others; a file whose processing failed is not sent (the API refuses it)', () => {
  const server = [file('a'), file('b'), file('broken', 'FAILED')];
  const chosen = detach(AS_SERVER_HAS_THEM, server, 'a');
  expect(shownFiles(chosen, server).map((f) => f.id)).toEqual(['b', 'broken']);
  expect(idsToSend(chosen, server)).toEqual(['b']);
  expect(idsToSend(detach(chosen, server, 'b'), server)).toEqual([]);
});

test('after a save of the current choice the server leads again; a change made meanwhile stays to be sent', () => {
  const server = [file('a')];
  const chosen = attach(AS_SERVER_HAS_THEM, server, file('new', 'PROCESSING'));
  const sent = idsToSend(chosen, server);
  const answered = [file('a'), file('new', 'PROCESSING')];
  expect(afterSave(chosen, answered, sent)).toBe(AS_SERVER_HAS_THEM);
  const changedMeanwhile = detach(chosen, server, 'a');
  expect(afterSave(changedMeanwhile, answered, sent)).toBe(changedMeanwhile);
  // A save that sent no files changes nothing.
  expect(afterSave(chosen, answered, null)).toBe(chosen);
});

test('uploading or processing files are worth asking about again; ready and failed ones are settled', () => {
  expect(anyUnsettled([file('a'), file('b', 'PROCESSING')])).toBe(true);
  expect(anyUnsettled([file('a', 'UPLOADING')])).toBe(true);
  expect(anyUnsettled([file('a'), file('b', 'FAILED')])).toBe(false);
});
