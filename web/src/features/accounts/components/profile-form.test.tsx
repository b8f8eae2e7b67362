import { screen, within } from '@testing-library/react';
import { expect, test } from 'vitest';
import { fakeApi, renderWithApp } from '../../../test/render';
import { ProfileForm } from './profile-form';

const me = {
  id: 'u1',
  displayName: 'Somchai',
  email: 'somchai@example.org',
  emailVerified: true,
  country: 'TH',
  timeZone: 'Asia/Bangkok',
  locale: 'th',
  roles: [],
  twoFactorEnabled: false,
  twoFactorRequired: false,
  organization: null,
};

test('the profile form offers the list of time zones with mine selected', async () => {
  const { client } = fakeApi(() => ({ data: {} }));
  renderWithApp(<ProfileForm me={me} />, { client });

  const zone = screen.getByLabelText<HTMLSelectElement>('Time zone');
  expect(zone.tagName).toBe('SELECT');
  expect(zone.value).toBe('Asia/Bangkok');
  const options = within(zone).getAllByRole('option').map((o) => (o as HTMLOptionElement).value);
  expect(options).toEqual(expect.arrayContaining(['Asia/Kathmandu', 'Asia/Yangon', 'Asia/Manila', 'UTC']));
  expect(options.length).toBeGreaterThan(300);
});

test('countries are named in the interface language', async () => {
  const { client } = fakeApi(() => ({ data: {} }));
  renderWithApp(<ProfileForm me={me} />, { client, language: 'th' });

  const country = await screen.findByLabelText<HTMLSelectElement>('ประเทศ');
  expect(country.value).toBe('TH');
  expect(country.selectedOptions[0].textContent).toBe('ไทย');
});
