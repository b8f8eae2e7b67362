import type { IncomingMessage } from 'node:http';
import { Inject, Injectable, type NestMiddleware, type OnModuleDestroy } from '@nestjs/common';
import { Metadata, Server } from '@tus/server';
import type { NextFunction, Request, Response } from 'express';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { User } from '../accounts/user.entity.js';
import { ViewerService } from '../accounts/viewer.service.js';
import { CONFIG, type Config } from '../platform/config/config.js';
import { LOGGER } from '../platform/logging/logger.js';
import { REDIS } from '../platform/redis/redis.module.js';
import { MediaPurpose, MediaStatus } from './media-asset.entity.js';
import { ACCEPTED_KINDS, claimedKind, SIZE_LIMITS } from './media-rules.js';
import { MediaService } from './media.service.js';
import { MEDIA_STORAGE, type MediaStorage } from './media-storage.js';
import { RedisLocker } from './redis-locker.js';

/** Upload ids are the UUIDs this server makes, lower case; nothing else reaches the store (no "..", no encoded "/"). */
export const UPLOAD_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** The node request carries the id chosen for a creation to tus's naming function. */
const CHOSEN_ID = Symbol('kapwa upload id');
type WithChosenId = IncomingMessage & { [CHOSEN_ID]?: string };

/**
 * The tus 1.0 endpoint at /uploads (creation, HEAD, PATCH, termination, expiration), in front of the
 * storage's tus data store. Everything tus itself does not decide is decided here, before the request
 * reaches it: the bearer token on every request; on creation the purpose, the declared type, the size
 * limit and the quota of unfinished uploads (so refused bytes are never stored); afterwards, that the id
 * is one of the viewer's own unfinished uploads (anything else is the same 404 as no upload at all).
 * Bytes stream from the request to the store: memory does not grow with the file.
 */
@Injectable()
export class UploadsMiddleware implements NestMiddleware, OnModuleDestroy {
  private readonly tus: Server;
  /** One lock per upload across every API machine (Redis), so two requests never write one upload at once. */
  readonly locker: RedisLocker;

  constructor(
    private readonly viewers: ViewerService,
    private readonly media: MediaService,
    @Inject(MEDIA_STORAGE) private readonly storage: MediaStorage,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(CONFIG) config: Config,
    @Inject(REDIS) redis: Redis,
  ) {
    this.locker = new RedisLocker(redis, { prefix: config.redisPrefix });
    this.tus = new Server({
      path: '/uploads',
      // The web app sends uploads from its own origin; no other site's scripts are invited (tus's default is "*").
      allowedOrigins: [config.appUrl],
      datastore: storage.uploads,
      locker: this.locker,
      relativeLocation: true,
      disableTerminationForFinishedUploads: true,
      namingFunction: (req) => {
        const id = (req.runtime?.node?.req as WithChosenId | undefined)?.[CHOSEN_ID];
        if (!id) throw new Error('upload created without an id');
        return id;
      },
      onUploadFinish: async (_req, upload) => {
        await this.media.finishUpload(upload.id);
        return {};
      },
      onResponseError: (_req, error) => {
        if (!('status_code' in error)) this.logger.error({ err: error }, 'upload failed');
        return undefined;
      },
    });
  }

  async onModuleDestroy(): Promise<void> {
    await this.locker.close();
  }

  async use(req: Request, res: Response, next: NextFunction): Promise<void> {
    try {
      if (await this.admit(req, res)) {
        // tus reads the path itself: give it the whole one, whatever Nest's routing made of it.
        req.url = req.originalUrl;
        await this.tus.handle(req, res);
        // The owner cancelled an unfinished upload: its bytes are gone (all of them: a bucket's unfinished part
        // is not removed by tus's S3 store), and so is its row.
        if (req.method === 'DELETE' && res.statusCode === 204) {
          const id = req.originalUrl.split('?')[0].split('/').pop()!;
          await this.storage.removeOriginal(id);
          await this.media.removeUnfinished(id);
        }
      }
    } catch (error) {
      next(error);
    }
  }

  /** Whether the request may reach tus; when not, the answer has been sent. */
  private async admit(req: Request, res: Response): Promise<boolean> {
    const refuse = (status: number, message: string): false => {
      res.status(status).set('Tus-Resumable', '1.0.0').set('Cache-Control', 'no-store').type('text/plain').send(message);
      return false;
    };
    const path = req.originalUrl.split('?')[0];
    const id = path === '/uploads' || path === '/uploads/' ? null : path.startsWith('/uploads/') ? path.slice('/uploads/'.length) : undefined;
    if (id === undefined || (id !== null && !UPLOAD_ID.test(id))) return refuse(404, 'No such upload.');
    if (req.method === 'OPTIONS') return true;

    let viewer: User | null;
    try {
      viewer = await this.viewers.fromRequest(req);
    } catch {
      viewer = null;
    }
    if (!viewer) return refuse(401, 'Log in to upload.');

    if (id === null) {
      if (req.method !== 'POST') return refuse(405, 'Create an upload with POST.');
      return this.admitCreation(req, viewer, refuse);
    }
    if (!['HEAD', 'PATCH', 'DELETE'].includes(req.method)) return refuse(404, 'No such upload.');
    const asset = await this.media.find(id);
    // Someone else's upload, or a finished one being changed, is no upload at all to this request.
    if (!asset || asset.ownerId !== viewer.id) return refuse(404, 'No such upload.');
    if (req.method !== 'HEAD' && asset.status !== MediaStatus.UPLOADING) return refuse(404, 'No such upload.');
    return true;
  }

  private async admitCreation(req: Request, viewer: User, refuse: (status: number, message: string) => false): Promise<boolean> {
    const length = req.get('upload-length');
    if (!length || !/^\d{1,15}$/.test(length)) return refuse(400, 'Upload-Length is required: uploads of unknown length are not accepted.');
    if (req.get('upload-concat')) return refuse(400, 'Concatenated uploads are not accepted.');
    let metadata: Record<string, string | null>;
    try {
      metadata = Metadata.parse(req.get('upload-metadata') ?? '');
    } catch {
      return refuse(400, 'Upload-Metadata is not valid.');
    }
    const purpose = metadata.purpose as MediaPurpose | null;
    if (!purpose || !Object.values(MediaPurpose).includes(purpose)) return refuse(400, 'Upload-Metadata must name a purpose.');
    const filename = (metadata.filename ?? '').normalize('NFC').replace(/[\u0000-\u001f\u007f/\\]/g, '_').trim().slice(0, 255);
    if (!filename) return refuse(400, 'Upload-Metadata must name the file (filename).');
    const filetype = (metadata.filetype ?? '').trim().slice(0, 100);
    const kind = claimedKind(filetype);
    if (!kind || !ACCEPTED_KINDS[purpose].includes(kind)) {
      return refuse(
        415,
        purpose === MediaPurpose.GRANT_VIDEO
          ? 'Only videos may be uploaded here.'
          : 'This type of file is not accepted: upload a video, a sound recording, a picture (JPEG, PNG, WebP) or a document (PDF, Word, PowerPoint, Excel, OpenDocument).',
      );
    }
    const size = Number(length);
    const what = { DOCUMENT: 'documents', IMAGE: 'pictures', VIDEO: 'videos and recordings', AUDIO: 'videos and recordings' }[kind];
    if (size > SIZE_LIMITS[kind]) return refuse(413, `This file is too large: ${what} may be at most ${SIZE_LIMITS[kind] / 1024 / 1024} MB.`);
    const id = await this.media.createUpload({ ownerId: viewer.id, purpose, filename, contentType: filetype, sizeBytes: size });
    if (!id) return refuse(429, 'You have too many unfinished uploads: finish or cancel one first.');
    (req as WithChosenId)[CHOSEN_ID] = id;
    return true;
  }
}
