import { useMutation, useQuery } from '@apollo/client/react';
import {
  ConfirmTwoFactorDocument,
  DisableTwoFactorDocument,
  MeDocument,
  RegenerateRecoveryCodesDocument,
  SetTwoFactorPolicyDocument,
  StartTwoFactorSetupDocument,
  TwoFactorPolicyDocument,
} from '@kapwa/graphql';

/** Turning two-step sign-in on or off changes `me`, so those refetch it; the shell reads it from the cache. */
const refetchMe = { refetchQueries: [MeDocument], awaitRefetchQueries: true };

export function useTwoFactorMutations() {
  const [start, startState] = useMutation(StartTwoFactorSetupDocument);
  const [confirm, confirmState] = useMutation(ConfirmTwoFactorDocument, refetchMe);
  const [disable, disableState] = useMutation(DisableTwoFactorDocument, refetchMe);
  const [regenerate, regenerateState] = useMutation(RegenerateRecoveryCodesDocument);
  return {
    loading: startState.loading || confirmState.loading || disableState.loading || regenerateState.loading,
    startSetup: async () => (await start()).data!.startTwoFactorSetup,
    confirm: async (code: string) => (await confirm({ variables: { code } })).data!.confirmTwoFactor,
    disable: async (password: string, code: string) => void (await disable({ variables: { password, code } })),
    regenerate: async (code: string) => (await regenerate({ variables: { code } })).data!.regenerateRecoveryCodes,
  };
}

export function useTwoFactorPolicy() {
  const { data } = useQuery(TwoFactorPolicyDocument);
  const [mutate, { loading }] = useMutation(SetTwoFactorPolicyDocument, {
    refetchQueries: [TwoFactorPolicyDocument, MeDocument],
    awaitRefetchQueries: true,
  });
  return {
    requiredForStaff: data?.twoFactorRequiredForStaff,
    loading,
    setRequired: async (requiredForStaff: boolean) => void (await mutate({ variables: { requiredForStaff } })),
  };
}
