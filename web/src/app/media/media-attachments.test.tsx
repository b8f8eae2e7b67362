import { fireEvent, screen, within } from '@testing-library/react';
import { expect, test, vi } from 'vitest';
import { fakeApi, renderWithApp } from '../../test/render';
import MediaAttachments, { type AttachmentView } from './media-attachments';

const file = (id: string, filename: string, status: AttachmentView['status'], extra: Partial<AttachmentView> = {}): AttachmentView => ({
  id, filename, contentType: 'application/pdf', sizeBytes: 2048, status, url: null, audioUrl: null, thumbnailUrl: null, failureReason: null, ...extra,
});

test('each file says where it stands; a failed one says why; Remove names its file', async () => {
  const { client } = fakeApi(() => ({ data: {} }));
  const onRemove = vi.fn();
  renderWithApp(
    <MediaAttachments
      label="Files"
      onRemove={onRemove}
      files={[
        file('a', 'sending.pdf', 'UPLOADING'),
        file('b', 'clip.mp4', 'PROCESSING'),
        file('c', 'page.pdf', 'FAILED', { failureReason: 'This file is not a document Kapwa accepts.' }),
        file('d', 'ready.pdf', 'READY', { url: '/media/d/original?s=1' }),
      ]}
    />,
    { client, language: 'en' },
  );
  const list = await screen.findByRole('list', { name: 'Files' });
  const item = (name: string) => within(list).getByText(name).closest('li')!;
  expect(item('sending.pdf')).toHaveTextContent('Uploading…');
  expect(item('clip.mp4')).toHaveTextContent('Processing…');
  expect(item('page.pdf')).toHaveTextContent('Could not be used');
  expect(item('page.pdf')).toHaveTextContent('This file is not a document Kapwa accepts.');
  expect(within(list).getByRole('link', { name: 'Download ready.pdf' })).toBeInTheDocument();
  fireEvent.click(within(list).getByRole('button', { name: 'Remove page.pdf' }));
  expect(onRemove).toHaveBeenCalledWith('c');
});

test('in Thai', async () => {
  const { client } = fakeApi(() => ({ data: {} }));
  renderWithApp(<MediaAttachments label="ไฟล์" onRemove={() => {}} files={[file('b', 'clip.mp4', 'PROCESSING')]} />, { client, language: 'th' });
  const list = await screen.findByRole('list', { name: 'ไฟล์' });
  expect(list).toHaveTextContent('กำลังประมวลผล…');
  expect(within(list).getByRole('button', { name: 'นำ clip.mp4 ออก' })).toBeInTheDocument();
});

test('a ready picture shows as its thumbnail, opening the full picture', async () => {
  const { client } = fakeApi(() => ({ data: {} }));
  renderWithApp(
    <MediaAttachments
      label="Files"
      files={[file('p', 'board.jpg', 'READY', { contentType: 'image/jpeg', url: '/media/p/image?s=1', thumbnailUrl: '/media/p/thumbnail?s=1' })]}
    />,
    { client, language: 'en' },
  );
  const picture = await screen.findByRole('img', { name: 'Picture: board.jpg' });
  expect(picture).toHaveAttribute('src', '/media/p/thumbnail?s=1');
  expect(picture.closest('a')).toHaveAttribute('href', '/media/p/image?s=1');
  expect(screen.queryByRole('button', { name: /Audio only/ })).toBeNull();
});
