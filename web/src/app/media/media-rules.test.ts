import { describe, expect, it } from 'vitest';
import { acceptFor, fileProblem, fileType, speedOf } from './media-rules';

const MB = 1024 * 1024;

describe('checking a file before any byte is sent', () => {
  it('refuses what the purpose does not take, what is too large and what is empty', () => {
    expect(fileProblem({ name: 'film.mp4', type: 'video/mp4', size: 10 * MB }, 'GRANT_VIDEO')).toBeNull();
    expect(fileProblem({ name: 'report.pdf', type: 'application/pdf', size: MB }, 'GRANT_VIDEO')).toEqual({ problem: 'type' });
    expect(fileProblem({ name: 'report.pdf', type: 'application/pdf', size: MB }, 'ASSIGNMENT_ATTACHMENT')).toBeNull();
    expect(fileProblem({ name: 'report.pdf', type: 'application/pdf', size: 51 * MB }, 'RESOURCE')).toEqual({ problem: 'size', limitMb: 50 });
    expect(fileProblem({ name: 'film.mp4', type: 'video/mp4', size: 2049 * MB }, 'GRANT_VIDEO')).toEqual({ problem: 'size', limitMb: 2048 });
    expect(fileProblem({ name: 'page.html', type: 'text/html', size: 100 }, 'RESOURCE')).toEqual({ problem: 'type' });
    expect(fileProblem({ name: 'empty.mp4', type: 'video/mp4', size: 0 }, 'RESOURCE')).toEqual({ problem: 'empty' });
  });

  it('takes JPEG, PNG and WebP pictures up to 20 MB where pictures make sense, and no other pictures', () => {
    expect(fileProblem({ name: 'board.jpg', type: 'image/jpeg', size: MB }, 'ASSIGNMENT_ATTACHMENT')).toBeNull();
    expect(fileProblem({ name: 'poster.png', type: '', size: MB }, 'RESOURCE')).toBeNull();
    expect(fileProblem({ name: 'poster.webp', type: 'image/webp', size: 21 * MB }, 'RESOURCE')).toEqual({ problem: 'size', limitMb: 20 });
    expect(fileProblem({ name: 'board.jpg', type: 'image/jpeg', size: MB }, 'GRANT_VIDEO')).toEqual({ problem: 'type' });
    expect(fileProblem({ name: 'logo.svg', type: 'image/svg+xml', size: 100 }, 'RESOURCE')).toEqual({ problem: 'type' });
    expect(acceptFor('RESOURCE')).toContain('image/jpeg,image/png,image/webp');
  });

  it('names a type from the extension when the browser gives none (a phone’s .mov, an .odt)', () => {
    expect(fileType({ name: 'CLIP.MOV', type: '' })).toBe('video/quicktime');
    expect(fileType({ name: 'essay.odt', type: '' })).toBe('application/vnd.oasis.opendocument.text');
    expect(fileType({ name: 'unknown.bin', type: '' })).toBe('application/octet-stream');
    expect(acceptFor('GRANT_VIDEO')).toBe('video/*');
  });

  it('measures speed over the recent samples', () => {
    expect(speedOf([{ at: 0, bytes: 0 }])).toBeNull();
    expect(speedOf([{ at: 1000, bytes: 0 }, { at: 3000, bytes: 2 * MB }])).toBe(MB);
  });
});
