import { fireEvent, screen, waitFor } from '@testing-library/react';
import { expect, test, vi } from 'vitest';
import { setApolloClientForTests } from '../../../app/data/data-layer';
import { fakeApi, renderWithApp } from '../../../test/render';
import { LogInForm } from './log-in-form';

function api() {
  return fakeApi(() => ({
    data: {
      logIn: {
        __typename: 'AuthPayload',
        token: 'token-1',
        user: {
          __typename: 'User',
          id: 'u1',
          displayName: 'Thiri',
          email: 'thiri@example.org',
          country: 'MM',
          timeZone: 'Asia/Yangon',
          locale: 'my',
          roles: [],
          organization: null,
          emailVerified: false,
          twoFactorEnabled: false,
          twoFactorRequired: false,
        },
      },
    },
  }));
}

async function logIn({ shared }: { shared: boolean }) {
  const { client } = api();
  setApolloClientForTests(client);
  const onDone = vi.fn();
  renderWithApp(<LogInForm onDone={onDone} />, { client });
  fireEvent.change(screen.getByLabelText('Email address'), { target: { value: 'thiri@example.org' } });
  fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'correct horse battery' } });
  if (shared) fireEvent.click(screen.getByRole('checkbox', { name: 'This is a shared computer' }));
  fireEvent.click(screen.getByRole('button', { name: 'Log in' }));
  await waitFor(() => expect(onDone).toHaveBeenCalled());
}

test('on a shared computer the session lives only as long as the tab: nothing is written to localStorage', async () => {
  await logIn({ shared: true });
  expect(sessionStorage.getItem('kapwa.token')).toBe('token-1');
  expect(localStorage.length).toBe(0);
});

test('on one’s own computer the session is kept for the next visit', async () => {
  await logIn({ shared: false });
  expect(localStorage.getItem('kapwa.token')).toBe('token-1');
  expect(sessionStorage.getItem('kapwa.token')).toBeNull();
});

test('the shared-computer choice explains itself, in Burmese too', async () => {
  const { client } = api();
  renderWithApp(<LogInForm onDone={vi.fn()} />, { client, language: 'my' });
  const box = await screen.findByRole('checkbox', { name: 'ဤကွန်ပျူတာသည် အများသုံး ကွန်ပျူတာ ဖြစ်သည်' });
  expect(box).not.toBeChecked();
  expect(box).toHaveAccessibleDescription(/ဤတဘ်ကို ပိတ်လိုက်သည်နှင့်/);
});
