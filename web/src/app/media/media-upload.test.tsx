import { fireEvent, screen } from '@testing-library/react';
import { expect, test } from 'vitest';
import { fakeApi, renderWithApp } from '../../test/render';
import MediaPlayer from './media-player';
import MediaUpload from './media-upload';

function choose(input: HTMLElement, file: File) {
  fireEvent.change(input, { target: { files: [file] } });
}

test('a file too large or of the wrong kind is refused before anything is sent', async () => {
  const { client, calls } = fakeApi(() => ({ data: {} }));
  renderWithApp(<MediaUpload purpose="GRANT_VIDEO" />, { client });
  const input = await screen.findByLabelText('Choose a file');
  expect(input.getAttribute('accept')).toBe('video/*');

  choose(input, new File(['%PDF-1.4'], 'report.pdf', { type: 'application/pdf' }));
  expect(await screen.findByText('This kind of file cannot be uploaded here.')).toBeTruthy();

  const huge = new File(['x'], 'long.mp4', { type: 'video/mp4' });
  Object.defineProperty(huge, 'size', { value: 3 * 1024 ** 3 });
  choose(input, huge);
  expect(await screen.findByText('This file is too large: the limit is 2048 MB.')).toBeTruthy();
  expect(calls).toHaveLength(0);
});

test('the refusal reads in the person’s language', async () => {
  const { client } = fakeApi(() => ({ data: {} }));
  renderWithApp(<MediaUpload purpose="GRANT_VIDEO" />, { client, language: 'th' });
  const input = await screen.findByLabelText('เลือกไฟล์');
  choose(input, new File(['x'], 'page.html', { type: 'text/html' }));
  expect(await screen.findByText('ไม่สามารถอัปโหลดไฟล์ประเภทนี้ที่นี่ได้')).toBeTruthy();
});

test('the player starts with the low-bitrate video and switches to audio only', async () => {
  const { client } = fakeApi(() => ({ data: {} }));
  const asset = { filename: 'rally.mp4', contentType: 'video/mp4', url: '/media/a/video?s=1', audioUrl: '/media/a/audio?s=1', thumbnailUrl: '/media/a/thumbnail?s=1' };
  const { container } = renderWithApp(<MediaPlayer asset={asset} />, { client });
  const video = await screen.findByLabelText('Video: rally.mp4');
  expect(video.tagName).toBe('VIDEO');
  expect(video.getAttribute('src')).toBe('/media/a/video?s=1');
  expect(video.getAttribute('poster')).toBe('/media/a/thumbnail?s=1');
  fireEvent.click(screen.getByRole('button', { name: 'Audio only (for slow connections)' }));
  expect(container.querySelector('video')).toBeNull();
  expect(container.querySelector('audio')?.getAttribute('src')).toBe('/media/a/audio?s=1');
  expect(screen.getByRole('button', { name: 'Show the video' }).getAttribute('aria-pressed')).toBe('true');
});

test('a document is offered as a download', async () => {
  const { client } = fakeApi(() => ({ data: {} }));
  renderWithApp(<MediaPlayer asset={{ filename: 'essay.pdf', contentType: 'application/pdf', url: '/media/d/original?s=1', audioUrl: null, thumbnailUrl: null }} />, { client });
  const link = await screen.findByRole('link', { name: 'Download essay.pdf' });
  expect(link.getAttribute('href')).toBe('/media/d/original?s=1');
});
