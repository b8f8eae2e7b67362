import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PDFDocument, PDFName } from '@cantoo/pdf-lib';
import { type Person, signUp } from '../platform/testing/factories.js';
import { makePdf } from '../platform/testing/pdf.js';
import { startTestApi, type TestApi } from '../platform/testing/test-app.js';
import { waitFor } from '../platform/testing/wait-for.js';
import { MediaAccess } from './media-access.js';
import { createUpload, uploadAll } from './tus-test-client.js';

let api: TestApi;
let owner: Person;
let grader: Person;
let work: string;

const MEDIA = `query($id: ID!) { mediaAsset(id: $id) { id status failureReason contentType url audioUrl thumbnailUrl } }`;
const media = async (id: string) => (await api.gql(MEDIA, { id }, owner.token)).data?.mediaAsset;
const upload = async (bytes: Buffer, filename: string, filetype: string, purpose = 'RESOURCE') => {
  const id = await uploadAll(api.url, owner.token, bytes, { filename, filetype, purpose });
  await waitFor(async () => ['READY', 'FAILED'].includes((await media(id))?.status), 60_000);
  return media(id);
};
const get = async (path: string, person?: Person) => {
  const res = await fetch(`${api.url}${path}`, person ? { headers: { authorization: `Bearer ${person.token}` } } : {});
  return { status: res.status, type: res.headers.get('content-type'), disposition: res.headers.get('content-disposition'), bytes: Buffer.from(await res.arrayBuffer()) };
};

/** Words that say where, with what and by whom a picture was taken; none may reach a rendition. */
const LEAKS = ['Exif', 'EXIF', 'Canon', 'EOS 5D Witness', 'Aung Secret', 'Myitkyina', 'XMP', 'xmpmeta'];

/** An EXIF block (TIFF, big-endian) naming a camera and a GPS position (25.38 N, 97.39 E), written byte by byte. */
function exifTiff(orientation = 1): Buffer {
  type Entry = { tag: number; type: number; count: number; data: Buffer };
  const ascii = (text: string) => Buffer.from(`${text}\0`, 'latin1');
  const rationals = (...values: [number, number][]) => Buffer.concat(values.map(([n, d]) => Buffer.from([n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255, d >>> 24, (d >>> 16) & 255, (d >>> 8) & 255, d & 255])));
  const ifd = (entries: Entry[], at: number): Buffer => {
    // Entries, then the next-IFD offset (none), then values too long for their entry.
    const head = Buffer.alloc(2 + entries.length * 12 + 4);
    head.writeUInt16BE(entries.length, 0);
    const extra: Buffer[] = [];
    let extraAt = at + head.length;
    entries.forEach((entry, i) => {
      const o = 2 + i * 12;
      head.writeUInt16BE(entry.tag, o);
      head.writeUInt16BE(entry.type, o + 2);
      head.writeUInt32BE(entry.count, o + 4);
      if (entry.data.length <= 4) entry.data.copy(head, o + 8);
      else {
        head.writeUInt32BE(extraAt, o + 8);
        extra.push(entry.data);
        extraAt += entry.data.length;
      }
    });
    return Buffer.concat([head, ...extra]);
  };
  const make = ascii('Canon');
  const model = ascii('EOS 5D Witness');
  const artist = ascii('Aung Secret');
  const ifd0Size = 2 + 5 * 12 + 4 + make.length + model.length + artist.length;
  const gpsAt = 8 + ifd0Size;
  const long = (n: number) => Buffer.from([n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255]);
  const ifd0 = ifd(
    [
      { tag: 0x010f, type: 2, count: make.length, data: make },
      { tag: 0x0110, type: 2, count: model.length, data: model },
      { tag: 0x0112, type: 3, count: 1, data: Buffer.from([0, orientation, 0, 0]) },
      { tag: 0x013b, type: 2, count: artist.length, data: artist },
      { tag: 0x8825, type: 4, count: 1, data: long(gpsAt) },
    ],
    8,
  );
  const gps = ifd(
    [
      { tag: 0x0001, type: 2, count: 2, data: ascii('N') },
      { tag: 0x0002, type: 5, count: 3, data: rationals([25, 1], [22, 1], [4800, 100]) },
      { tag: 0x0003, type: 2, count: 2, data: ascii('E') },
      { tag: 0x0004, type: 5, count: 3, data: rationals([97, 1], [23, 1], [3000, 100]) },
    ],
    gpsAt,
  );
  return Buffer.concat([Buffer.from('MM\0\x2a\0\0\0\x08', 'latin1'), ifd0, gps]);
}

/** A JPEG made by ffmpeg, with the EXIF block (APP1) and an XMP packet (another APP1) put in after its start. */
function jpegWithExif(file: string, orientation = 1): Buffer {
  execFileSync('ffmpeg', ['-v', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc=size=800x600', '-frames:v', '1', '-q:v', '3', file]);
  const plain = readFileSync(file);
  const segment = (payload: Buffer) => Buffer.concat([Buffer.from([0xff, 0xe1, (payload.length + 2) >> 8, (payload.length + 2) & 255]), payload]);
  const exif = segment(Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), exifTiff(orientation)]));
  const xmp = segment(Buffer.from('http://ns.adobe.com/xap/1.0/\0<x:xmpmeta><tiff:Make>Canon</tiff:Make><photoshop:City>Myitkyina</photoshop:City></x:xmpmeta>', 'latin1'));
  return Buffer.concat([plain.subarray(0, 2), exif, xmp, plain.subarray(2)]);
}

/** A PNG made by ffmpeg with an eXIf chunk (the same camera and position) and a tEXt chunk naming its author. */
function pngWithExif(file: string): Buffer {
  execFileSync('ffmpeg', ['-v', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc=size=640x480', '-frames:v', '1', file]);
  const plain = readFileSync(file);
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const iend = plain.length - 12;
  return Buffer.concat([plain.subarray(0, iend), chunk('eXIf', exifTiff()), chunk('tEXt', Buffer.from('Author\0Aung Secret', 'latin1')), plain.subarray(iend)]);
}

/** The markers of a JPEG's segments up to its picture data. */
function jpegMarkers(bytes: Buffer): number[] {
  const markers: number[] = [];
  let at = 2;
  while (at < bytes.length && bytes[at] === 0xff) {
    const marker = bytes[at + 1];
    markers.push(marker);
    if (marker === 0xda) break;
    at += 2 + bytes.readUInt16BE(at + 2);
  }
  return markers;
}

/** The chunk types of a WebP file. */
function webpChunks(bytes: Buffer): string[] {
  const chunks: string[] = [];
  for (let at = 12; at + 8 <= bytes.length; ) {
    chunks.push(bytes.toString('latin1', at, at + 4));
    const size = bytes.readUInt32LE(at + 4);
    at += 8 + size + (size % 2);
  }
  return chunks;
}

const dimensions = (bytes: Buffer, name: string) => {
  const file = join(work, name);
  writeFileSync(file, bytes);
  return execFileSync('ffprobe', ['-v', 'error', '-show_entries', 'stream=width,height', '-of', 'csv=p=0', file]).toString().trim();
};

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'kapwa-images-'));
  api = await startTestApi({ MEDIA_DIR: mkdtempSync(join(tmpdir(), 'kapwa-media-images-')) });
  await api.startWorker();
  await signUp(api, { displayName: 'First Admin' });
  owner = await signUp(api, { displayName: 'Photographer' });
  grader = await signUp(api, { displayName: 'Grader' });
  // Someone a capability lets see the owner's files (as a trainer sees a submission's).
  api.app.get(MediaAccess).register({ name: 'test-graders', visibleAmong: async (viewer, ids) => new Set(viewer?.id === grader.id ? ids : []) });
}, 60_000);
afterAll(() => api.close());

describe('pictures', () => {
  it('a JPEG with EXIF GPS, camera and author is shown as a JPEG and a thumbnail that carry none of it', async () => {
    const original = jpegWithExif(join(work, 'photo.jpg'));
    expect(original.toString('latin1')).toContain('Canon');
    writeFileSync(join(work, 'photo-exif.jpg'), original);
    // ffmpeg itself reads the GPS position and camera from the file we made.
    const seen = execFileSync('ffprobe', ['-v', 'error', '-show_frames', join(work, 'photo-exif.jpg')]).toString();
    expect(seen).toMatch(/GPSLatitude/);
    expect(seen).toMatch(/Canon/);

    const asset = await upload(original, 'photo.jpg', 'image/jpeg', 'ASSIGNMENT_ATTACHMENT');
    expect(asset).toMatchObject({ status: 'READY', contentType: 'image/jpeg', audioUrl: null });
    expect(asset.url).toMatch(new RegExp(`^/media/${asset.id}/image\\?`));
    const image = await get(asset.url);
    expect(image).toMatchObject({ status: 200, type: 'image/jpeg' });
    const thumbnail = await get(asset.thumbnailUrl);
    expect(thumbnail).toMatchObject({ status: 200, type: 'image/jpeg' });
    for (const [rendition, name] of [[image.bytes, 'image.jpg'], [thumbnail.bytes, 'thumbnail.jpg']] as const) {
      const text = rendition.toString('latin1');
      for (const leak of LEAKS) expect(text).not.toContain(leak);
      // No APP1 (EXIF, XMP), APP13 (IPTC) or comment segment: only JFIF, tables, frame and scan.
      expect(jpegMarkers(rendition).filter((m) => (m >= 0xe1 && m <= 0xef) || m === 0xfe)).toEqual([]);
      writeFileSync(join(work, name), rendition);
      expect(execFileSync('ffprobe', ['-v', 'error', '-show_frames', '-show_format', join(work, name)]).toString()).not.toMatch(/GPS|Canon|Model|Artist|Aung/);
    }
    expect(dimensions(image.bytes, 'i.jpg')).toBe('800,600');
    expect(dimensions(thumbnail.bytes, 't.jpg')).toBe('480,360');
    // An assignment's picture keeps no original, even for its owner.
    expect((await get(`/media/${asset.id}/original`, owner)).status).toBe(404);
  });

  it('a PNG with eXIf and text chunks becomes a WebP with nothing but its pixels; its original stays with its owner', async () => {
    const original = pngWithExif(join(work, 'poster.png'));
    const asset = await upload(original, 'poster.png', 'image/png');
    expect(asset).toMatchObject({ status: 'READY', contentType: 'image/png' });
    const image = await get(asset.url, grader);
    expect(image).toMatchObject({ status: 200, type: 'image/webp' });
    for (const leak of [...LEAKS, 'eXIf', 'tEXt']) expect(image.bytes.toString('latin1')).not.toContain(leak);
    expect(webpChunks(image.bytes).every((type) => ['VP8 ', 'VP8L', 'VP8X', 'ALPH'].includes(type))).toBe(true);
    expect(dimensions(image.bytes, 'p.webp')).toBe('640,480');
    // A library resource keeps its original (full quality) for its owner and admins, never for others.
    expect((await get(`/media/${asset.id}/original`, owner)).bytes.equals(original)).toBe(true);
    expect((await get(`/media/${asset.id}/original`, grader)).status).toBe(404);
  });

  it('a photo a phone took sideways (EXIF orientation) is shown upright, though the tag itself is gone', async () => {
    const asset = await upload(jpegWithExif(join(work, 'sideways.jpg'), 6), 'sideways.jpg', 'image/jpeg');
    expect(asset.status).toBe('READY');
    const image = (await get(asset.url)).bytes;
    expect(dimensions(image, 's.jpg')).toBe('600,800');
    expect(jpegMarkers(image).filter((m) => m >= 0xe1 && m <= 0xef)).toEqual([]);
  });

  it('a picture larger than 2048 pixels is shown at 2048 on its longer side', async () => {
    execFileSync('ffmpeg', ['-v', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc=size=3000x1500', '-frames:v', '1', '-c:v', 'libwebp', join(work, 'wide.webp')]);
    const asset = await upload(readFileSync(join(work, 'wide.webp')), 'wide.webp', 'image/webp');
    expect(asset.status).toBe('READY');
    expect(dimensions((await get(asset.url)).bytes, 'w.webp')).toBe('2048,1024');
  });

  it('is refused for a grant’s video before any byte is stored, and when its bytes are not a picture', async () => {
    expect((await createUpload(api.url, owner.token, 1000, { filename: 'a.jpg', filetype: 'image/jpeg', purpose: 'GRANT_VIDEO' })).status).toBe(415);
    const svg = await createUpload(api.url, owner.token, 1000, { filename: 'a.svg', filetype: 'image/svg+xml', purpose: 'RESOURCE' });
    expect(svg.status).toBe(415);
    expect(svg.body).toMatch(/picture \(JPEG, PNG, WebP\)/);
    expect((await createUpload(api.url, owner.token, 21 * 1024 * 1024, { filename: 'a.png', filetype: 'image/png', purpose: 'RESOURCE' })).status).toBe(413);
    const page = await upload(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), 'a.png', 'image/png');
    expect(page.status).toBe('FAILED');
    expect(page.failureReason).toMatch(/not a video, a sound recording, a picture/);
    const broken = await upload(Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(3000, 7)]), 'b.jpg', 'image/jpeg');
    expect(broken.status).toBe('FAILED');
    expect(broken.failureReason).toMatch(/picture could not be read/);
  });
});

describe('PDF documents', () => {
  it('are served as a copy without author, software, dates or XMP; the pages stay', async () => {
    const original = await makePdf('Testimony of the hearing', true);
    const before = await PDFDocument.load(original, { updateMetadata: false });
    expect(before.getAuthor()).toBe('Aung Secret Author');
    expect(original.toString('latin1')).toContain('Xmp Creator Person');

    const asset = await upload(original, 'hearing.pdf', 'application/pdf');
    expect(asset).toMatchObject({ status: 'READY', contentType: 'application/pdf', thumbnailUrl: null });
    expect(asset.url).toMatch(new RegExp(`^/media/${asset.id}/document\\?`));
    const copy = await get(asset.url.replace(/\?.*/, ''), grader);
    expect(copy).toMatchObject({ status: 200, type: 'application/pdf' });
    expect(copy.disposition).toMatch(/^attachment; filename="?hearing.pdf/);
    const text = copy.bytes.toString('latin1');
    for (const leak of ['Xmp Creator Person', 'Xmp Page Person', 'CameraScan', 'Orphaned', 'xmpmeta', '/Author', '/Creator', '/Producer', '/CreationDate', '/ModDate', '/Keywords', '/Metadata', '/Info', 'pdf-lib']) {
      expect(text).not.toContain(leak);
    }
    const after = await PDFDocument.load(copy.bytes, { updateMetadata: false });
    expect([after.getAuthor(), after.getCreator(), after.getProducer(), after.getTitle(), after.getKeywords(), after.getCreationDate()]).toEqual([undefined, undefined, undefined, undefined, undefined, undefined]);
    expect(after.catalog.get(PDFName.of('Metadata'))).toBeUndefined();
    expect(after.getPageCount()).toBe(1);
    expect(after.getPage(0).getSize()).toEqual({ width: 300, height: 200 });
    // The original (with its metadata) is its owner's alone.
    expect((await get(`/media/${asset.id}/original`, owner)).bytes.equals(original)).toBe(true);
    expect((await get(`/media/${asset.id}/original`, grader)).status).toBe(404);
  });

  it('that cannot be read end FAILED with a reason, so nothing is served with its metadata intact', async () => {
    const broken = await upload(Buffer.from('%PDF-1.7\nthis is not really a PDF\n%%EOF\n'), 'broken.pdf', 'application/pdf');
    expect(broken.status).toBe('FAILED');
    expect(broken.failureReason).toMatch(/PDF could not be read/);
  });

  it('an office document is kept and served as uploaded (its properties are not removed)', async () => {
    const docx = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 1)]);
    const asset = await upload(docx, 'notes.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(asset.status).toBe('READY');
    expect(asset.url).toMatch(new RegExp(`^/media/${asset.id}/original\\?`));
    expect((await get(`/media/${asset.id}/original`, grader)).bytes.equals(docx)).toBe(true);
  });
});
