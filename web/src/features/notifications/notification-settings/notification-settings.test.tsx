import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, test } from 'vitest';
import { fakeApi, renderWithApp } from '../../../test/render';
import { NotificationSettings } from './notification-settings';

const kind = (name: string, group: string, email: boolean, replacedByDigest = false) => ({
  __typename: 'NotificationKindPreference',
  kind: name,
  group,
  labelKey: `notificationKinds.${name}`,
  email,
  replacedByDigest,
});
const prefs = (over: Record<string, unknown> = {}) => ({
  __typename: 'NotificationPreferences',
  digest: 'DAILY',
  allEmailOff: false,
  timeZone: 'Asia/Bangkok',
  kinds: [kind('MENTIONED', 'COMMUNITY', true), kind('THREAD_REPLY', 'COMMUNITY', false, true), kind('GRADE_RELEASED', 'COURSES', true), kind('DIRECTORY_CONTACT', 'OTHER', true)],
  ...over,
});

test('explains the digest in the person’s zone, lists every kind by group, and saves each change at once', async () => {
  const { client, calls } = fakeApi((operation, variables) => {
    if (operation === 'UpdateNotificationPreference') {
      const input = variables.input as { kind?: string; email?: boolean; digest?: string };
      const kinds = prefs().kinds.map((k) => (k.kind === input.kind ? { ...k, email: input.email! } : k));
      return { data: { updateNotificationPreference: prefs({ kinds, digest: input.digest ?? 'DAILY' }) } };
    }
    return { data: { myNotificationPreferences: prefs() } };
  });
  renderWithApp(<NotificationSettings />, { client });

  expect(await screen.findByText(/sent at 07:00 in your time zone \(Asia\/Bangkok\)/)).toBeInTheDocument();
  expect(screen.getByRole('radio', { name: 'Every morning' })).toBeChecked();
  expect(screen.getByRole('group', { name: 'Community' })).toBeInTheDocument();
  // A kind this page has no words for yet is still listed, by its name.
  expect(screen.getByRole('checkbox', { name: 'Directory contact' })).toBeChecked();
  // Replies go into the digest while one is chosen.
  expect(screen.getByRole('checkbox', { name: /Replies to your threads/ })).not.toBeChecked();
  expect(screen.getByText(/In your digest instead of one email each/)).toBeInTheDocument();

  await userEvent.click(screen.getByRole('checkbox', { name: 'Grades released to you' }));
  await waitFor(() => expect(calls.at(-1)).toMatchObject({ operationName: 'UpdateNotificationPreference', variables: { input: { kind: 'GRADE_RELEASED', email: false } } }));
  expect(await screen.findByRole('checkbox', { name: 'Grades released to you' })).not.toBeChecked();
  expect(await screen.findByText('Saved.')).toBeInTheDocument();

  await userEvent.click(screen.getByRole('radio', { name: 'On Monday mornings' }));
  await waitFor(() => expect(calls.at(-1)?.variables).toEqual({ input: { digest: 'WEEKLY' } }));
  expect(await screen.findByRole('radio', { name: 'On Monday mornings' })).toBeChecked();
});

test('with all email off, every email choice is off and says account security still sends; in Thai', async () => {
  const { client } = fakeApi(() => ({ data: { myNotificationPreferences: prefs({ allEmailOff: true }) } }));
  renderWithApp(<NotificationSettings />, { client, language: 'th' });
  const all = await screen.findByRole('checkbox', { name: 'ปิดอีเมลทั้งหมด' });
  expect(all).toBeChecked();
  expect(screen.getByRole('checkbox', { name: 'มีคนกล่าวถึงคุณ' })).not.toBeChecked();
  expect(screen.getByRole('checkbox', { name: 'มีคนกล่าวถึงคุณ' })).toBeDisabled();
  expect(screen.getByText(/ความปลอดภัยของบัญชี/)).toBeInTheDocument();
});
