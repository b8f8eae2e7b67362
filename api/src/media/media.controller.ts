import { pipeline } from 'node:stream/promises';
import { Controller, Get, Head, Inject, Param, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Public, type ViewerRequest } from '../accounts/access.decorators.js';
import { MediaAccess, type MediaViewer } from './media-access.js';
import { MediaStatus, RENDITION_NAMES, type RenditionName } from './media-asset.entity.js';
import { MediaService } from './media.service.js';
import { MEDIA_STORAGE, type MediaStorage, type ByteRange } from './media-storage.js';
import { UPLOAD_ID } from './uploads.middleware.js';

/** "bytes=a-b", "bytes=a-" or "bytes=-n" (one range); undefined for none, null for one that cannot be served. */
export function parseRange(header: string | undefined, size: number): ByteRange | null | undefined {
  if (!header) return undefined;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === '' && match[2] === '')) return null;
  let start: number;
  let end: number;
  if (match[1] === '') {
    start = Math.max(0, size - Number(match[2]));
    end = size - 1;
  } else {
    start = Number(match[1]);
    end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
  }
  return start <= end && start < size ? { start, end } : null;
}

/**
 * GET /media/<id>/<video|audio|thumbnail|image|document|original>: a rendition's bytes, with HTTP Range (seeking on a
 * phone), to a viewer the media access rules allow, named by a signed path from GraphQL (for <video src>)
 * or by their bearer token. The right is checked on every request, so a revoked one ends at once. Anything
 * refused is the same 404 as nothing at all.
 */
@Controller('media')
export class MediaController {
  constructor(
    private readonly media: MediaService,
    private readonly access: MediaAccess,
    @Inject(MEDIA_STORAGE) private readonly storage: MediaStorage,
  ) {}

  @Public()
  @Head(':id/:rendition')
  head(@Param('id') id: string, @Param('rendition') rendition: string, @Query() query: Record<string, unknown>, @Req() req: ViewerRequest, @Res() res: Response) {
    return this.serve(id, rendition, query, req, res, false);
  }

  @Public()
  @Get(':id/:rendition')
  get(@Param('id') id: string, @Param('rendition') rendition: string, @Query() query: Record<string, unknown>, @Req() req: ViewerRequest, @Res() res: Response) {
    return this.serve(id, rendition, query, req, res, true);
  }

  private async serve(id: string, rendition: string, query: Record<string, unknown>, req: ViewerRequest, res: Response, body: boolean): Promise<void> {
    const none = () => {
      for (const header of ['Content-Disposition', 'Content-Range', 'Content-Length']) res.removeHeader(header);
      res.status(404).set('Cache-Control', 'no-store').type('text/plain').send('No such media.');
    };
    if (!UPLOAD_ID.test(id) || !RENDITION_NAMES.includes(rendition as RenditionName)) return none();
    const name = rendition as RenditionName;
    const asset = await this.media.find(id);
    const stored = asset?.status === MediaStatus.READY ? asset.renditions[name] : undefined;
    if (!asset || !stored) return none();
    const viewer = await this.viewerOf(id, name, query, req);
    if (!(await this.access.canViewRendition(viewer, asset, name))) return none();

    const range = parseRange(req.headers.range, stored.sizeBytes);
    res.set({
      'Accept-Ranges': 'bytes',
      'Cache-Control': 'private, max-age=3600',
      'X-Content-Type-Options': 'nosniff',
      // Nothing served here runs: a document opens as a download, in a sandbox if at all.
      'Content-Security-Policy': "default-src 'none'; sandbox",
      'Cross-Origin-Resource-Policy': 'same-site',
    });
    if (name === 'original' || name === 'document') res.attachment(asset.filename);
    if (range === null) {
      res.status(416).set('Content-Range', `bytes */${stored.sizeBytes}`).end();
      return;
    }
    res.type(stored.contentType);
    if (range) res.status(206).set('Content-Range', `bytes ${range.start}-${range.end}/${stored.sizeBytes}`);
    else res.status(200);
    res.set('Content-Length', String(range ? range.end - range.start + 1 : stored.sizeBytes));
    if (!body || stored.sizeBytes === 0) {
      res.end();
      return;
    }
    // Bytes the row promises but storage lost (a restore from an older backup): no such media, not a 500.
    const stream = await this.storage.open(id, name, range).catch(() => null);
    if (!stream) return none();
    await pipeline(stream, res).catch(() => undefined); // a viewer seeking away closes the response: no error
  }

  /** The viewer a signed path names (checked again like any other), else the bearer token's. */
  private async viewerOf(id: string, name: string, query: Record<string, unknown>, req: ViewerRequest): Promise<MediaViewer | null> {
    const signedFor = this.access.verify(id, name, query);
    if (signedFor) return this.media.activeViewer(signedFor);
    return req.viewer ?? null;
  }
}
