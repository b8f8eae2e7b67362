import { screen } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import { fakeApi, renderWithApp } from '../../../test/render';
import { JoinButton } from './join-button';

// An orientation at 11:30 Tokyo (02:30 UTC), one hour long.
const session: { title: string; startsAt: string; endsAt: string; joinUrl: string | null; cancelled: boolean; course: { language: string } } = {
  title: 'Orientation',
  startsAt: '2030-11-20T02:30:00.000Z',
  endsAt: '2030-11-20T03:30:00.000Z',
  joinUrl: 'https://meet.example.org/orientation',
  cancelled: false,
  course: { language: 'en' },
};
const at = (iso: string) => new Date(iso).getTime();

function renderAt(now: number, overrides: Partial<typeof session> = {}) {
  const { client } = fakeApi(() => ({ data: {} }));
  return renderWithApp(<JoinButton session={{ ...session, ...overrides }} now={now} />, { client });
}

describe('the join button', () => {
  test.each([
    ['15 minutes before the start', '2030-11-20T02:15:00Z'],
    ['at the start', '2030-11-20T02:30:00Z'],
    ['a minute before the end', '2030-11-20T03:29:00Z'],
  ])('a member sees it %s', async (_, now) => {
    renderAt(at(now));
    const join = await screen.findByRole('link', { name: 'Join: Orientation' });
    expect(join).toHaveAttribute('href', 'https://meet.example.org/orientation');
  });

  test.each([
    ['16 minutes before the start', '2030-11-20T02:14:00Z'],
    ['when the session has ended', '2030-11-20T03:30:00Z'],
  ])('no one sees it %s', async (_, now) => {
    renderAt(at(now));
    expect(screen.queryByRole('link', { name: /Join/ })).toBeNull();
  });

  test('before the window a member is told when it will appear', async () => {
    renderAt(at('2030-11-19T02:30:00Z'));
    expect(await screen.findByText('The join button appears 15 minutes before the start.')).toBeInTheDocument();
  });

  test('someone who is not a member (no joinUrl from the API) never sees it, even during the session', async () => {
    renderAt(at('2030-11-20T02:45:00Z'), { joinUrl: null });
    expect(screen.queryByRole('link', { name: /Join/ })).toBeNull();
    expect(screen.queryByText(/join button appears/)).toBeNull();
  });

  test('a cancelled session has no join button', () => {
    renderAt(at('2030-11-20T02:45:00Z'), { cancelled: true });
    expect(screen.queryByRole('link', { name: /Join/ })).toBeNull();
  });
});
