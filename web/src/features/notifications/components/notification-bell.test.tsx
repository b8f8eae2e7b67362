import { screen } from '@testing-library/react';
import { expect, test } from 'vitest';
import { fakeApi, renderWithApp } from '../../../test/render';
import NotificationBell from './notification-bell';

test('the bell says how many notifications are unread', async () => {
  const { client, calls } = fakeApi(() => ({ data: { notifications: { __typename: 'NotificationList', unreadCount: 3 } } }));
  renderWithApp(<NotificationBell />, { client });

  const bell = await screen.findByRole('link', { name: 'Notifications, 3 unread' });
  expect(bell).toHaveAttribute('href', '/notifications');
  expect(bell).toHaveTextContent('3');
  expect(calls[0].operationName).toBe('UnreadNotificationCount');
});

test('with nothing unread the bell has no badge', async () => {
  const { client } = fakeApi(() => ({ data: { notifications: { __typename: 'NotificationList', unreadCount: 0 } } }));
  renderWithApp(<NotificationBell />, { client });

  const bell = await screen.findByRole('link', { name: 'Notifications, none unread' });
  expect(bell).toHaveTextContent('');
});
