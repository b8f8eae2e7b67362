import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, expect, test, vi } from 'vitest';
import { fakeApi, renderWithApp } from '../../../test/render';
import { UnsubscribeConfirm } from './unsubscribe-confirm';

afterEach(() => vi.unstubAllGlobals());

function stubApi(answers: { describe: Response; post?: Response }) {
  const fetch = vi.fn(async (_url: string, init?: RequestInit) => (init?.method === 'POST' ? answers.post! : answers.describe));
  vi.stubGlobal('fetch', fetch);
  return fetch;
}
const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

test('opening the link changes nothing; one button unsubscribes, then says what was turned off and links to the settings', async () => {
  const fetch = stubApi({ describe: json({ kind: 'MENTIONED', labelKey: 'notificationKinds.MENTIONED' }), post: json({ kind: 'MENTIONED', unsubscribed: true }) });
  renderWithApp(<UnsubscribeConfirm token="abc.MENTIONED.sig" />, { client: fakeApi(() => ({})).client });

  expect(await screen.findByText('Stop emails about: Someone mentions you?')).toBeInTheDocument();
  expect(fetch).toHaveBeenCalledTimes(1);
  expect(fetch.mock.calls[0][0]).toBe('/email/unsubscribe?token=abc.MENTIONED.sig');
  expect(fetch.mock.calls[0][1]?.method).toBeUndefined();

  await userEvent.click(screen.getByRole('button', { name: 'Unsubscribe' }));
  expect(await screen.findByRole('status')).toHaveTextContent('you will no longer get emails about: Someone mentions you');
  expect(fetch.mock.calls[1][1]?.method).toBe('POST');
  expect(screen.getByRole('link', { name: 'Choose which emails you get' })).toHaveAttribute('href', '/settings/notifications');
});

test('"all" and a link that is not valid say so, in the reader’s language', async () => {
  stubApi({ describe: json({ kind: 'ALL', labelKey: null }) });
  const first = renderWithApp(<UnsubscribeConfirm token="abc.ALL.sig" />, { client: fakeApi(() => ({})).client });
  expect(await screen.findByText(/Stop all email from Kapwa\?/)).toBeInTheDocument();
  first.unmount();

  stubApi({ describe: json({ error: 'not valid' }, 400) });
  renderWithApp(<UnsubscribeConfirm token="forged" />, { client: fakeApi(() => ({})).client, language: 'ne' });
  expect(await screen.findByRole('alert')).toHaveTextContent('यो इमेल रोक्ने लिङ्क मान्य छैन');
  expect(screen.queryByRole('button')).toBeNull();
});
