import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, test, vi } from 'vitest';
import { setApolloClientForTests } from '../../../app/data/data-layer';
import { fakeApi, renderWithApp, type GraphQLErrorShape } from '../../../test/render';
import { SignUpForm } from './sign-up-form';

async function fillAndSubmit() {
  const user = userEvent.setup();
  await user.type(screen.getByLabelText('Email address'), 'amara@example.org');
  await user.type(screen.getByLabelText('Password'), 'correct horse battery');
  await user.type(screen.getByLabelText('Display name'), 'Amara');
  await user.click(screen.getByRole('button', { name: 'Create account' }));
}

function apiRefusing(error: GraphQLErrorShape) {
  const api = fakeApi(() => ({ errors: [error] }));
  setApolloClientForTests(api.client);
  return api;
}

describe('sign-up form', () => {
  test('a field the API refuses shows its message next to that field', async () => {
    const { client } = apiRefusing({
      message: 'Password is too common',
      extensions: { code: 'BAD_USER_INPUT', field: 'password' },
    });
    renderWithApp(<SignUpForm onDone={vi.fn()} />, { client });
    await fillAndSubmit();

    const password = screen.getByLabelText('Password');
    await waitFor(() => expect(password).toHaveAttribute('aria-invalid', 'true'));
    const describedBy = password.getAttribute('aria-describedby')!.split(' ');
    const error = document.getElementById(describedBy[0])!;
    expect(error.textContent).toMatch(/at least 10/);
    expect(screen.getByLabelText('Email address')).not.toHaveAttribute('aria-invalid');
    expect(screen.getByRole('alert')).toBeEmptyDOMElement();
  });

  test('an email that is already registered is shown by the email field', async () => {
    const { client } = apiRefusing({ message: 'Email already registered', extensions: { code: 'CONFLICT' } });
    renderWithApp(<SignUpForm onDone={vi.fn()} />, { client });
    await fillAndSubmit();

    const email = screen.getByLabelText('Email address');
    await waitFor(() => expect(email).toHaveAttribute('aria-invalid', 'true'));
    expect(email).toHaveAccessibleDescription(/already exists/);
  });

  test('an error that belongs to no field is announced in the form alert', async () => {
    const { client } = apiRefusing({ message: 'Slow down', extensions: { code: 'TOO_MANY_REQUESTS' } });
    renderWithApp(<SignUpForm onDone={vi.fn()} />, { client });
    await fillAndSubmit();

    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent(/Too many attempts/));
  });

  test('a short password is caught before anything is sent', async () => {
    const { client, calls } = apiRefusing({ message: 'unused', extensions: { code: 'BAD_USER_INPUT' } });
    renderWithApp(<SignUpForm onDone={vi.fn()} />, { client });
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Email address'), 'amara@example.org');
    await user.type(screen.getByLabelText('Password'), 'short');
    await user.type(screen.getByLabelText('Display name'), 'Amara');
    await user.click(screen.getByRole('button', { name: 'Create account' }));

    expect(screen.getByLabelText('Password')).toHaveAttribute('aria-invalid', 'true');
    expect(calls).toHaveLength(0);
  });

  test('signing up sends the chosen country, time zone and language', async () => {
    const user = userEvent.setup();
    const api = fakeApi((_, variables) => ({
      data: {
        signUp: {
          __typename: 'AuthPayload',
          token: 'token-1',
          user: {
            __typename: 'User',
            id: 'u1',
            displayName: 'Amara',
            email: 'amara@example.org',
            emailVerified: false,
            country: 'NP',
            timeZone: 'Asia/Kathmandu',
            locale: 'en',
            roles: [],
            organization: null,
            twoFactorEnabled: false,
            twoFactorRequired: false,
            ...(variables.input as object),
          },
        },
      },
    }));
    setApolloClientForTests(api.client);
    const onDone = vi.fn();
    renderWithApp(<SignUpForm onDone={onDone} />, { client: api.client });
    await user.type(screen.getByLabelText('Email address'), 'amara@example.org');
    await user.type(screen.getByLabelText('Password'), 'correct horse battery');
    await user.type(screen.getByLabelText('Display name'), 'Amara');
    await user.selectOptions(screen.getByLabelText('Country'), 'NP');
    await user.selectOptions(screen.getByLabelText('Time zone'), 'Asia/Kathmandu');
    await user.click(screen.getByRole('button', { name: 'Create account' }));

    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(api.calls[0].variables.input).toMatchObject({ country: 'NP', timeZone: 'Asia/Kathmandu', locale: 'en' });
    expect(localStorage.getItem('kapwa.token')).toBe('token-1');
  });
});
