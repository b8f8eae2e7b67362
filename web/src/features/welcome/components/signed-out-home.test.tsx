import { screen } from '@testing-library/react';
import { expect, test } from 'vitest';
import { fakeApi, renderWithApp } from '../../../test/render';
import { SignedOutHome } from './signed-out-home';

test('the signed-out home says what Kapwa is for, where to start, and what it keeps private', async () => {
  const { client, calls } = fakeApi(() => ({ data: {} }));
  renderWithApp(<SignedOutHome />, { client });

  await screen.findByRole('heading', { level: 1, name: 'Learn human rights work together' });
  expect(screen.getByRole('link', { name: 'Create an account' })).toHaveAttribute('href', '/sign-up');
  expect(screen.getByRole('link', { name: 'Browse courses' })).toHaveAttribute('href', '/courses');
  expect(screen.getAllByRole('heading', { level: 2 }).map((heading) => heading.textContent)).toEqual([
    'Learn at your own pace, on any connection',
    'Live sessions in your time zone',
    'A network that outlives the course',
  ]);
  expect(screen.getByText(/You may use a pseudonym/)).toBeInTheDocument();
  expect(calls).toEqual([]);
});

test('in Nepali too', async () => {
  const { client } = fakeApi(() => ({ data: {} }));
  renderWithApp(<SignedOutHome />, { client, language: 'ne' });
  await screen.findByRole('heading', { level: 1, name: 'मानव अधिकारको काम सँगै सिकौँ' });
  expect(screen.getByRole('link', { name: 'पाठ्यक्रमहरू हेर्नुहोस्' })).toBeInTheDocument();
});
