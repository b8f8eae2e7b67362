import { crc32, deflateSync } from 'node:zlib';
import { describe, expect, it } from '@jest/globals';
import { COVER_MAX_BYTES, coverPath, coverTypeOf, namesCover, readCoverImage } from './course-cover.js';

/** A real PNG of the given size, all one colour. */
function png(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), body.length + 4);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale
  const rows = Buffer.alloc((width + 1) * height, 0x80);
  for (let y = 0; y < height; y++) rows[y * (width + 1)] = 0;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

describe('a cover image', () => {
  it('is known by its first bytes: JPEG, PNG and WebP, nothing else', () => {
    expect(coverTypeOf(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))).toBe('image/jpeg');
    expect(coverTypeOf(png(2, 2))).toBe('image/png');
    expect(coverTypeOf(Buffer.from('RIFF\x24\x00\x00\x00WEBPVP8 ', 'latin1'))).toBe('image/webp');
    expect(coverTypeOf(Buffer.from('GIF89a'))).toBeNull();
    expect(coverTypeOf(Buffer.from('<!doctype html><html><script>alert(1)</script>'))).toBeNull();
    expect(coverTypeOf(Buffer.from('RIFF\x24\x00\x00\x00WAVEfmt ', 'latin1'))).toBeNull();
  });

  it('is read with its size and hash', () => {
    const bytes = png(120, 63);
    expect(readCoverImage(bytes)).toMatchObject({ contentType: 'image/png', width: 120, height: 63, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });

  it('is refused when it is a web page, damaged, larger than 2 MB or huge in pixels', () => {
    expect(readCoverImage(Buffer.from('<html><body>not an image</body></html>'))).toEqual({
      problem: 'is not a JPEG, PNG or WebP image (judged by its content, not its name)',
    });
    expect(readCoverImage(png(10, 10).subarray(0, 12))).toEqual({ problem: expect.stringMatching(/size cannot be read/) });
    expect(readCoverImage(Buffer.concat([png(10, 10), Buffer.alloc(COVER_MAX_BYTES)]))).toEqual({ problem: expect.stringMatching(/at most 2 MB/) });
    expect(readCoverImage(png(7000, 1))).toEqual({ problem: 'is 7000×1 pixels; a cover may be at most 6000 pixels on each side' });
  });

  it('is served at an address that changes with its content', () => {
    const image = { sha256: 'ab'.repeat(32), contentType: 'image/webp' as const };
    expect(coverPath('c0ffee00-0000-4000-8000-000000000000', image.sha256, image.contentType)).toBe(
      '/course-covers/c0ffee00-0000-4000-8000-000000000000/abababababababab.webp',
    );
    expect(namesCover('abababababababab.webp', image)).toBe(true);
    expect(namesCover('abababababababab.jpg', image)).toBe(false);
    expect(namesCover('abababababababac.webp', image)).toBe(false);
    expect(namesCover('../abababababababab.webp', image)).toBe(false);
  });
});
