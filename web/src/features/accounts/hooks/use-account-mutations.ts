import { useMutation } from '@apollo/client/react';
import { LogInDocument, SignUpDocument, UpdateMeDocument, type SignUpInput, type UpdateMeInput } from '@kapwa/graphql';
import { useSession } from '../../../app/session';

/** Resolves once the new session is in place; rejects with the API's error. */
export function useSignUp() {
  const [mutate, { loading }] = useMutation(SignUpDocument);
  const session = useSession();
  async function signUp(input: SignUpInput) {
    const { data } = await mutate({ variables: { input } });
    if (data) await session.start(data.signUp);
  }
  return { signUp, loading };
}

export function useLogIn() {
  const [mutate, { loading }] = useMutation(LogInDocument);
  const session = useSession();
  /** `shared`: a shared computer; the session ends when the tab closes. `twoFactorCode`: the second step, when asked. */
  async function logIn(email: string, password: string, { shared = false, twoFactorCode }: { shared?: boolean; twoFactorCode?: string } = {}) {
    const { data } = await mutate({ variables: { email, password, twoFactorCode: twoFactorCode || null } });
    if (data) await session.start(data.logIn, { shared });
  }
  return { logIn, loading };
}

/** The cache updates the signed-in user (and the shell's name) from the mutation's result. */
export function useUpdateMe() {
  const [mutate, { loading }] = useMutation(UpdateMeDocument);
  async function updateMe(input: UpdateMeInput) {
    await mutate({ variables: { input } });
  }
  return { updateMe, loading };
}
