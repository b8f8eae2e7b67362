import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { describe, expect, test } from 'vitest';
import { toFormErrors } from './api-errors';

const t = ((key: string) => key) as never;
const refused = (extensions: Record<string, unknown>) =>
  new CombinedGraphQLErrors({ errors: [{ message: 'refused', extensions }] });

describe('form errors', () => {
  test('a staff action refused for want of two-step sign-in says how to get on, not just "not allowed"', () => {
    const errors = toFormErrors(refused({ code: 'FORBIDDEN', twoFactorSetupRequired: true }), t, { fields: [], fieldMessage: () => '' });
    expect(errors.form).toBe('errors.twoFactorSetupRequired');
    expect(toFormErrors(refused({ code: 'FORBIDDEN' }), t, { fields: [], fieldMessage: () => '' }).form).toBe('errors.FORBIDDEN');
  });
});
