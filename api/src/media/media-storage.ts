import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, rename, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DeleteObjectsCommand, GetObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { FileStore } from '@tus/file-store';
import { S3Store } from '@tus/s3-store';
import type { DataStore } from '@tus/server';
import type { MediaConfig } from '../platform/config/config.js';
import type { RenditionName } from './media-asset.entity.js';

/** A byte range, both ends included (as in HTTP). */
export interface ByteRange {
  start: number;
  end: number;
}

/**
 * Where media bytes live: the resumable uploads as they arrive (the original), and the renditions made
 * from them. Ids reaching this interface are validated UUIDs; nothing here trusts a name from outside.
 */
export interface MediaStorage {
  /** The tus data store that receives uploads; a finished upload is the asset's original. */
  readonly uploads: DataStore;
  /** Runs `work` with the original as a local file (a bucket's object is copied to a temporary file first). */
  withLocalOriginal<T>(id: string, work: (path: string) => Promise<T>): Promise<T>;
  /** Stores a rendition made in a local file; returns its size. Storing it again replaces it. */
  putRendition(id: string, name: Exclude<RenditionName, 'original'>, file: string, contentType: string): Promise<number>;
  /** A stream of a rendition's bytes (the original's for `original`), or of the range asked. */
  open(id: string, name: RenditionName, range?: ByteRange): Promise<Readable>;
  /** Removes the original bytes (a finished upload or an abandoned one); nothing to remove is no error. */
  removeOriginal(id: string): Promise<void>;
  removeRenditions(id: string): Promise<void>;
}

export const MEDIA_STORAGE = Symbol('MEDIA_STORAGE');

/** The default: a folder on this machine (MEDIA_DIR), uploads/<id> and renditions/<id>/<name>. */
export class LocalMediaStorage implements MediaStorage {
  readonly uploads: FileStore;
  private readonly uploadDir: string;
  private readonly renditionDir: string;

  constructor(dir: string) {
    this.uploadDir = join(dir, 'uploads');
    this.renditionDir = join(dir, 'renditions');
    this.uploads = new FileStore({ directory: this.uploadDir });
  }

  async withLocalOriginal<T>(id: string, work: (path: string) => Promise<T>): Promise<T> {
    return work(join(this.uploadDir, id));
  }

  async putRendition(id: string, name: string, file: string): Promise<number> {
    const dir = join(this.renditionDir, id);
    await mkdir(dir, { recursive: true });
    // Written beside, then renamed: a reader never sees half a rendition, a rerun simply replaces it.
    const target = join(dir, name);
    const partial = `${target}.partial`;
    await pipeline(createReadStream(file), createWriteStream(partial));
    await rename(partial, target);
    return (await stat(target)).size;
  }

  async open(id: string, name: RenditionName, range?: ByteRange): Promise<Readable> {
    const path = name === 'original' ? join(this.uploadDir, id) : join(this.renditionDir, id, name);
    const stream = createReadStream(path, range ? { start: range.start, end: range.end } : {});
    // Surfaces "no such file" here, not as an error in the middle of a response.
    await new Promise<void>((resolve, reject) => stream.once('open', () => resolve()).once('error', reject));
    return stream;
  }

  async removeOriginal(id: string): Promise<void> {
    await rm(join(this.uploadDir, id), { force: true });
    await rm(join(this.uploadDir, `${id}.json`), { force: true });
  }

  async removeRenditions(id: string): Promise<void> {
    await rm(join(this.renditionDir, id), { recursive: true, force: true });
  }
}

/** An S3-compatible bucket (AWS S3, MinIO, SeaweedFS, Ceph RGW): the original at <id>, renditions at renditions/<id>/<name>. */
export class S3MediaStorage implements MediaStorage {
  readonly uploads: S3Store;
  private readonly client: S3Client;
  private readonly bucket: string;

  constructor(s3: NonNullable<MediaConfig['s3']>) {
    const clientConfig = {
      region: s3.region,
      forcePathStyle: s3.forcePathStyle,
      // Another S3-compatible server (MinIO, SeaweedFS, Ceph RGW): checksums only where the protocol requires
      // them, since the SDK's default CRC32 trailers are not understood by every version of those servers.
      ...(s3.endpoint ? { endpoint: s3.endpoint, requestChecksumCalculation: 'WHEN_REQUIRED' as const, responseChecksumValidation: 'WHEN_REQUIRED' as const } : {}),
      ...(s3.accessKeyId && s3.secretAccessKey ? { credentials: { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey } } : {}),
    };
    this.bucket = s3.bucket;
    this.client = new S3Client(clientConfig);
    // Parts of 8 MB: a dropped connection loses at most one part's worth of buffered bytes on disk.
    this.uploads = new S3Store({ partSize: 8 * 1024 * 1024, s3ClientConfig: { bucket: s3.bucket, ...clientConfig } });
  }

  async withLocalOriginal<T>(id: string, work: (path: string) => Promise<T>): Promise<T> {
    const dir = await mkdtemp(join(tmpdir(), 'kapwa-original-'));
    try {
      const file = join(dir, 'original');
      await pipeline(await this.open(id, 'original'), createWriteStream(file));
      return await work(file);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  async putRendition(id: string, name: string, file: string, contentType: string): Promise<number> {
    const size = (await stat(file)).size;
    await this.client.send(
      new PutObjectCommand({ Bucket: this.bucket, Key: `renditions/${id}/${name}`, Body: createReadStream(file), ContentLength: size, ContentType: contentType }),
    );
    return size;
  }

  async open(id: string, name: RenditionName, range?: ByteRange): Promise<Readable> {
    const key = name === 'original' ? id : `renditions/${id}/${name}`;
    const answer = await this.client.send(
      new GetObjectCommand({ Bucket: this.bucket, Key: key, ...(range ? { Range: `bytes=${range.start}-${range.end}` } : {}) }),
    );
    return answer.Body as Readable;
  }

  async removeOriginal(id: string): Promise<void> {
    // Aborts an unfinished multipart upload (its whole parts go with it).
    await this.uploads.remove(id).catch(() => undefined);
    // tus's S3 store leaves `<id>.part` (bytes of a part not yet whole) behind on remove: it is the person's bytes too.
    await this.client.send(
      new DeleteObjectsCommand({ Bucket: this.bucket, Delete: { Objects: [{ Key: id }, { Key: `${id}.info` }, { Key: `${id}.part` }], Quiet: true } }),
    );
  }

  async removeRenditions(id: string): Promise<void> {
    const listed = await this.client.send(new ListObjectsV2Command({ Bucket: this.bucket, Prefix: `renditions/${id}/` }));
    const keys = (listed.Contents ?? []).map((object) => ({ Key: object.Key! }));
    if (keys.length) await this.client.send(new DeleteObjectsCommand({ Bucket: this.bucket, Delete: { Objects: keys, Quiet: true } }));
  }
}

export function createMediaStorage(config: MediaConfig): MediaStorage {
  return config.s3 ? new S3MediaStorage(config.s3) : new LocalMediaStorage(config.dir);
}
