import { screen, within } from '@testing-library/react';
import { expect, test } from 'vitest';
import { fakeApi, renderWithApp } from '../../../test/render';
import { SharedSubmissionList } from './shared-submission-list';

test('shared work shows its files: a video plays, a document downloads', async () => {
  const { client } = fakeApi(() => ({ data: {} }));
  const asset = (id: string, filename: string, contentType: string, urls: { url: string; audioUrl?: string; thumbnailUrl?: string }) => ({
    id, filename, contentType, sizeBytes: 1000, status: 'READY' as const, failureReason: null,
    url: urls.url, audioUrl: urls.audioUrl ?? null, thumbnailUrl: urls.thumbnailUrl ?? null,
  });
  renderWithApp(
    <SharedSubmissionList
      submissions={[
        {
          id: 's1', group: 'Nepal', submittedAt: '2027-03-01T10:00:00.000Z', late: false, bodyHtml: '<p>Our plan</p>',
          learner: { id: 'u1', displayName: 'Sita' },
          attachments: [
            asset('v1', 'hearing.mp4', 'video/mp4', { url: '/media/v1/video?s=1', audioUrl: '/media/v1/audio?s=1', thumbnailUrl: '/media/v1/thumbnail?s=1' }),
            asset('d1', 'plan.pdf', 'application/pdf', { url: '/media/d1/original?s=1' }),
          ],
        },
      ]}
      lang="en" timeZone="Asia/Kathmandu" courseTimeZone="Asia/Bangkok" language="en"
    />,
    { client },
  );
  const files = await screen.findByRole('list', { name: 'Files of Group Nepal' });
  expect((await within(files).findByLabelText('Video: hearing.mp4')).getAttribute('src')).toBe('/media/v1/video?s=1');
  expect(within(files).getByRole('link', { name: 'Download plan.pdf' }).getAttribute('href')).toBe('/media/d1/original?s=1');
  expect(within(files).queryByRole('button', { name: /Remove/ })).toBeNull();
});
