import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, test, vi } from 'vitest';
import { setApolloClientForTests } from '../../../app/data/data-layer';
import { fakeApi, renderWithApp } from '../../../test/render';
import { LogInForm } from './log-in-form';

const codeAsked = {
  errors: [{ message: 'Enter the code from your authenticator app.', extensions: { code: 'UNAUTHENTICATED', twoFactorRequired: true } }],
};

async function logIn(client: ReturnType<typeof fakeApi>['client']) {
  const user = userEvent.setup();
  renderWithApp(<LogInForm onDone={vi.fn()} />, { client });
  await user.type(screen.getByLabelText('Email address'), 'amara@example.org');
  await user.type(screen.getByLabelText('Password'), 'correct horse battery');
  await user.click(screen.getByRole('button', { name: 'Log in' }));
  return user;
}

function apiAnswering(respond: Parameters<typeof fakeApi>[0]) {
  const api = fakeApi(respond);
  setApolloClientForTests(api.client);
  return api;
}

describe('log-in form with two-step sign-in', () => {
  test('asks for the code on the same page and sends it with the email and password', async () => {
    const { client, calls } = apiAnswering(() => codeAsked);
    const user = await logIn(client);
    const code = await screen.findByLabelText('Code from your authenticator app');
    expect(screen.queryByLabelText('Password')).toBeNull();
    expect(screen.getByRole('alert')).toBeEmptyDOMElement();

    await user.type(code, '123456');
    await user.click(screen.getByRole('button', { name: 'Log in' }));
    await waitFor(() => expect(calls).toHaveLength(2));
    expect(calls[1].variables).toEqual({ email: 'amara@example.org', password: 'correct horse battery', twoFactorCode: '123456' });
  });

  test('a wrong code is shown by the code field', async () => {
    const user = await logIn(apiAnswering(() => codeAsked).client);
    await user.type(await screen.findByLabelText('Code from your authenticator app'), '000000');
    await user.click(screen.getByRole('button', { name: 'Log in' }));
    const field = screen.getByLabelText('Code from your authenticator app');
    await waitFor(() => expect(field).toHaveAttribute('aria-invalid', 'true'));
    expect(field).toHaveAccessibleDescription(/not right/);
  });

  test('offers a recovery code instead of the app', async () => {
    const user = await logIn(apiAnswering(() => codeAsked).client);
    await screen.findByLabelText('Code from your authenticator app');
    await user.click(screen.getByRole('button', { name: 'Use a recovery code instead' }));
    expect(screen.getByLabelText('Recovery code')).toBeInTheDocument();
  });
});
