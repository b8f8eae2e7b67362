import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, test, vi } from 'vitest';
import { setApolloClientForTests } from '../../../app/data/data-layer';
import { fakeApi, renderWithApp } from '../../../test/render';
import { ForgotPasswordForm } from './forgot-password-form';
import { ResetPasswordForm } from './reset-password-form';

describe('recovering an account', () => {
  test('asking for a link says the same thing whatever the address', async () => {
    const api = fakeApi(() => ({ data: { requestPasswordReset: true } }));
    setApolloClientForTests(api.client);
    renderWithApp(<ForgotPasswordForm />, { client: api.client });
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Email address'), 'sita@example.org');
    await user.click(screen.getByRole('button', { name: 'Send me a link' }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(/If an account exists for this address, we sent a link/));
  });

  test('a link that was used or expired is said at the top, with what to do, and the password is not blamed', async () => {
    const api = fakeApi(() => ({ errors: [{ message: 'This link has expired.', extensions: { code: 'BAD_USER_INPUT', field: 'token' } }] }));
    setApolloClientForTests(api.client);
    const onDone = vi.fn();
    renderWithApp(<ResetPasswordForm token="old-link" onDone={onDone} />, { client: api.client });
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('New password'), 'a brand new passphrase');
    await user.click(screen.getByRole('button', { name: 'Set new password and log in' }));
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent(/not valid any more.*Ask for a new one/));
    expect(screen.getByLabelText('New password')).not.toHaveAttribute('aria-invalid');
    expect(onDone).not.toHaveBeenCalled();
  });
});
