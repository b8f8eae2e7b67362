import { screen } from '@testing-library/react';
import { expect, test } from 'vitest';
import { fakeApi, renderWithApp } from '../../../test/render';
import { CertificateView } from './certificate-view';

test('an unknown code says plainly that no certificate has it, and offers to try another', async () => {
  const { client } = fakeApi(() => ({ data: { verifyCertificate: null } }));
  renderWithApp(<CertificateView code="NOPE-123" />, { client });

  expect(await screen.findByRole('heading', { name: 'No certificate has this code' })).toBeInTheDocument();
  expect(screen.getByText(/NOPE-123/)).toBeInTheDocument();
  expect(screen.getByLabelText<HTMLInputElement>('Certificate code').value).toBe('NOPE-123');
});

test('a certificate shows its holder, course, the date in the course\'s calendar, code, public link and a Print button', async () => {
  const { client } = fakeApi(() => ({
    data: {
      verifyCertificate: {
        __typename: 'Certificate', id: 'x1', code: 'K7Q-2M9', issuedAt: '2027-03-05T20:00:00Z', holderName: 'Mya Thandar',
        course: { __typename: 'Course', id: 'c1', slug: 'defenders-2027', title: 'NHRIs and human rights defenders', language: 'en', timeZone: 'Asia/Bangkok' },
      },
    },
  }));
  renderWithApp(<CertificateView code="K7Q-2M9" />, { client });

  expect(await screen.findByRole('heading', { level: 1, name: 'Mya Thandar' })).toBeInTheDocument();
  expect(screen.getByText('NHRIs and human rights defenders')).toBeInTheDocument();
  expect(screen.getByText('K7Q-2M9')).toBeInTheDocument();
  // 20:00 UTC on 5 March is already 6 March in Bangkok, where the course runs: every reader sees 6 March.
  expect(screen.getByText(/Mar 6, 2027/)).toBeInTheDocument();
  expect(screen.getByRole('link', { name: /\/certificates\/K7Q-2M9$/ })).toBeInTheDocument();
  expect(screen.getByRole('button', { name: 'Print' })).toBeInTheDocument();
});
