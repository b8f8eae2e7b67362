import { useMutation } from '@apollo/client/react';
import {
  ChangePasswordDocument,
  ConfirmEmailChangeDocument,
  LogOutEverywhereDocument,
  RequestEmailChangeDocument,
  RequestPasswordResetDocument,
  ResendVerificationEmailDocument,
  ResetPasswordDocument,
  VerifyEmailDocument,
} from '@kapwa/graphql';
import { useSession } from '../../../app/session';

export function useRequestPasswordReset() {
  const [mutate, { loading }] = useMutation(RequestPasswordResetDocument);
  const requestReset = async (email: string) => void (await mutate({ variables: { email } }));
  return { requestReset, loading };
}

/** Sets the new password from an emailed link and starts the session it returns. */
export function useResetPassword() {
  const [mutate, { loading }] = useMutation(ResetPasswordDocument);
  const session = useSession();
  async function resetPassword(token: string, newPassword: string) {
    const { data } = await mutate({ variables: { token, newPassword } });
    if (data) await session.start(data.resetPassword);
  }
  return { resetPassword, loading };
}

/** A new password ends every session, this one too; `logIn` then starts a fresh one with it. */
export function useChangePassword() {
  const [mutate, { loading }] = useMutation(ChangePasswordDocument);
  const changePassword = async (currentPassword: string, newPassword: string) =>
    void (await mutate({ variables: { currentPassword, newPassword } }));
  return { changePassword, loading };
}

export function useLogOutEverywhere() {
  const [mutate, { loading }] = useMutation(LogOutEverywhereDocument);
  const session = useSession();
  async function logOutEverywhere() {
    await mutate();
    await session.end();
  }
  return { logOutEverywhere, loading };
}

// The link may be opened where its owner is signed in: their profile then shows the new state.
const REFRESH_ME = { refetchQueries: ['Me'] };

export function useVerifyEmail() {
  const [mutate, { loading }] = useMutation(VerifyEmailDocument, REFRESH_ME);
  const verifyEmail = async (token: string) => void (await mutate({ variables: { token } }));
  return { verifyEmail, loading };
}

export function useResendVerificationEmail() {
  const [mutate, { loading }] = useMutation(ResendVerificationEmailDocument);
  const resend = async () => void (await mutate());
  return { resend, loading };
}

export function useRequestEmailChange() {
  const [mutate, { loading }] = useMutation(RequestEmailChangeDocument);
  const requestEmailChange = async (newEmail: string, password: string) => void (await mutate({ variables: { newEmail, password } }));
  return { requestEmailChange, loading };
}

export function useConfirmEmailChange() {
  const [mutate, { loading }] = useMutation(ConfirmEmailChangeDocument, REFRESH_ME);
  const confirmEmailChange = async (token: string) => void (await mutate({ variables: { token } }));
  return { confirmEmailChange, loading };
}
