import { open as openFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WorkerHost } from '@nestjs/bullmq';
import { Inject } from '@nestjs/common';
import type { Job } from 'bullmq';
import { JobProcessor } from '../platform/jobs/job-processor.js';
import type { JobPayloads } from '../platform/jobs/queues.js';
import { QUEUES, WORKER_OPTIONS } from '../platform/jobs/queues.js';
import { JobsService } from '../platform/jobs/jobs.service.js';
import { type MediaAsset, type MediaKind, MediaStatus, type Rendition, type RenditionName } from './media-asset.entity.js';
import { ACCEPTED_KINDS, FAILURE, MAX_IMAGE_PIXELS, ORIGINAL_KEPT, SIZE_LIMITS, sniff } from './media-rules.js';
import { MediaService, processJobId } from './media.service.js';
import { MEDIA_STORAGE, type MediaStorage } from './media-storage.js';
import { audioOnlyArgs, FFMPEG, imageArgs, imageThumbnailArgs, lowBitrateVideoArgs, probe, run, thumbnailArgs, ToolError } from './ffmpeg.js';
import { PdfUnreadable, stripPdfMetadata } from './pdf-metadata.js';

/** Abandoned uploads removed per run of the sweep. */
const EXPIRE_BATCH = 500;
/** A job still unfinished this long after its upload ended is looked at by the sweep. */
const STUCK_AFTER_MINUTES = 30;

/** A file refused for what it is: the asset ends FAILED with this reason (no retry would change it). */
class Refusal extends Error {
  constructor(
    readonly reason: string,
    readonly kind: MediaKind | null = null,
  ) {
    super(reason);
  }
}

/**
 * Processing of finished uploads and the sweep of abandoned ones. A run is idempotent: it starts from the
 * original each time, stores renditions under fixed names (a rerun replaces them), and the outcome is
 * written once (READY/FAILED only from PROCESSING). A worker killed in the middle leaves the job stalled;
 * BullMQ hands it to another worker, which does the whole run again and writes the outcome once. Its
 * hold on a job lasts twice the others' (60 s by default), as ffmpeg keeps the machine busy.
 */
@JobProcessor(QUEUES.media, { lockDuration: 2 * WORKER_OPTIONS.lockDuration })
export class MediaProcessor extends WorkerHost {
  constructor(
    private readonly media: MediaService,
    @Inject(MEDIA_STORAGE) private readonly storage: MediaStorage,
    private readonly jobs: JobsService,
  ) {
    super();
  }

  async process(job: Job): Promise<string> {
    if (job.name === 'erase-account-media') {
      const ids = await this.media.ofDeletedAccount((job.data as JobPayloads['erase-account-media']).userId);
      await this.erase(ids);
      return `removed ${ids.length} files of a deleted account`;
    }
    if (job.name === 'expire-uploads') {
      const abandoned = await this.expireAbandoned();
      const deleted = await this.removeDeletedAccounts();
      return `removed ${abandoned} abandoned uploads and ${deleted} files of deleted accounts, retried ${await this.retryStuck()} processing jobs`;
    }
    return this.processAsset((job.data as JobPayloads['process-media']).assetId);
  }

  async expireAbandoned(): Promise<number> {
    let removed = 0;
    for (const id of await this.media.abandoned(EXPIRE_BATCH)) {
      // The row goes first: a PATCH arriving now finds no upload rather than bytes about to vanish.
      if (!(await this.media.forgetAbandoned(id))) continue;
      await this.storage.removeOriginal(id);
      removed++;
    }
    return removed;
  }

  /** Removes every file of accounts deleted since the last sweep: bytes first, then the row (a rerun finds the rest). */
  async removeDeletedAccounts(): Promise<number> {
    const ids = await this.media.ofDeletedAccounts(EXPIRE_BATCH);
    await this.erase(ids);
    return ids.length;
  }

  /** Bytes first, then the row: a rerun finds whatever is left. */
  private async erase(ids: string[]): Promise<void> {
    for (const id of ids) {
      await this.storage.removeRenditions(id);
      await this.storage.removeOriginal(id);
      await this.media.forget(id);
    }
  }

  /**
   * Processing that gave up on something other than the file (ffmpeg missing or killed, storage away)
   * leaves the asset PROCESSING and its job failed: such jobs are tried again, every sweep, until they end.
   */
  async retryStuck(): Promise<number> {
    let retried = 0;
    for (const id of await this.media.processingSince(STUCK_AFTER_MINUTES)) {
      const job = await this.jobs.queue(QUEUES.media).getJob(processJobId(id));
      if (job && (await job.getState()) === 'failed') {
        await job.retry();
        retried++;
      }
    }
    return retried;
  }

  async processAsset(id: string): Promise<string> {
    const asset = await this.media.find(id);
    if (!asset) return 'gone';
    if (asset.status === MediaStatus.READY) {
      // A run that wrote READY and died before discarding the original: finish that part.
      if (!asset.originalKept) await this.storage.removeOriginal(id);
      return 'already ready';
    }
    if (asset.status !== MediaStatus.PROCESSING) return `nothing to do (${asset.status})`;
    const work = await mkdtemp(join(tmpdir(), 'kapwa-media-'));
    try {
      const outcome = await this.storage.withLocalOriginal(id, (original) => this.make(asset, original, work));
      if (await this.media.markReady(id, outcome)) {
        if (!outcome.originalKept) await this.storage.removeOriginal(id);
      } else if (!(await this.media.find(id))) {
        // Erased while it was being processed (its owner deleted their account): leave no renditions behind.
        await this.storage.removeRenditions(id);
        await this.storage.removeOriginal(id);
      }
      return 'ready';
    } catch (error) {
      if (!(error instanceof Refusal)) throw error;
      await this.media.markFailed(id, error.reason, error.kind);
      // What was refused is not kept: nobody may play it, and it may be anything.
      await this.storage.removeRenditions(id);
      await this.storage.removeOriginal(id);
      return `failed: ${error.reason}`;
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  }

  /** Checks the bytes and makes the renditions in `work`, then stores them; a Refusal for a file that is not acceptable. */
  private async make(asset: MediaAsset, original: string, work: string) {
    const head = await readHead(original, 4096);
    const sniffed = sniff(head);
    if (!sniffed) throw new Refusal(FAILURE.notAccepted);
    const accepted = ACCEPTED_KINDS[asset.purpose];
    if (sniffed.family === 'pdf' || sniffed.family === 'office') {
      if (!accepted.includes('DOCUMENT')) throw new Refusal(FAILURE.notForPurpose, 'DOCUMENT');
      if (asset.sizeBytes > SIZE_LIMITS.DOCUMENT) throw new Refusal(FAILURE.documentTooLarge, 'DOCUMENT');
      if (sniffed.family === 'office') {
        // An office file is READY as it is (its own properties included); served as a download, never inline.
        // Its declared type stays only when it is an office type: a ZIP-based office file keeps it.
        const contentType = asset.contentType.startsWith('application/vnd.') ? asset.contentType : 'application/octet-stream';
        return { kind: 'DOCUMENT' as const, contentType, durationSeconds: null, renditions: { original: { contentType, sizeBytes: asset.sizeBytes } }, originalKept: true };
      }
      // A PDF is served as a copy without its metadata (author, software, dates, XMP); the original follows the purpose's rule.
      const copy = join(work, 'document');
      try {
        await stripPdfMetadata(original, copy);
      } catch (error) {
        if (error instanceof PdfUnreadable) throw new Refusal(error.encrypted ? FAILURE.pdfEncrypted : FAILURE.pdfUnreadable, 'DOCUMENT');
        throw error;
      }
      const renditions: Partial<Record<RenditionName, Rendition>> = {
        document: { contentType: 'application/pdf', sizeBytes: await this.storage.putRendition(asset.id, 'document', copy, 'application/pdf') },
      };
      const originalKept = ORIGINAL_KEPT[asset.purpose];
      if (originalKept) renditions.original = { contentType: 'application/pdf', sizeBytes: asset.sizeBytes };
      return { kind: 'DOCUMENT' as const, contentType: 'application/pdf', durationSeconds: null, renditions, originalKept };
    }
    if (sniffed.family === 'image') return this.makeImage(asset, original, work, sniffed.contentType);

    let probed;
    try {
      probed = await probe(original);
    } catch (error) {
      if (error instanceof ToolError && error.stderr) throw new Refusal(FAILURE.unreadable);
      throw error;
    }
    if (!probed.video && !probed.audio) throw new Refusal(FAILURE.noStreams);
    const kind: MediaKind = probed.video ? 'VIDEO' : 'AUDIO';
    if (!accepted.includes(kind)) throw new Refusal(FAILURE.notForPurpose, kind);

    const renditions: Partial<Record<RenditionName, Rendition>> = {};
    const make = async (name: Exclude<RenditionName, 'original'>, args: string[], contentType: string, failure: string) => {
      const file = join(work, name);
      try {
        await run(FFMPEG, args);
      } catch (error) {
        if (error instanceof ToolError && error.stderr) throw new Refusal(failure, kind);
        throw error;
      }
      renditions[name] = { contentType, sizeBytes: await this.storage.putRendition(asset.id, name, file, contentType) };
    };
    if (probed.video) {
      await make('video', lowBitrateVideoArgs(original, join(work, 'video'), !!probed.audio), 'video/mp4', FAILURE.transcodeFailed);
      await make('thumbnail', thumbnailArgs(original, join(work, 'thumbnail'), probed.durationSeconds), 'image/jpeg', FAILURE.transcodeFailed);
    }
    if (probed.audio) await make('audio', audioOnlyArgs(original, join(work, 'audio')), 'audio/mp4', FAILURE.transcodeFailed);
    const originalKept = ORIGINAL_KEPT[asset.purpose];
    if (originalKept) renditions.original = { contentType: sniffed.contentType, sizeBytes: asset.sizeBytes };
    return { kind, contentType: sniffed.contentType, durationSeconds: probed.durationSeconds, renditions, originalKept };
  }

  /** A JPEG, PNG or WebP picture: re-encoded from its pixels (no EXIF, XMP or text chunks) and a thumbnail. */
  private async makeImage(asset: MediaAsset, original: string, work: string, contentType: string) {
    if (!ACCEPTED_KINDS[asset.purpose].includes('IMAGE')) throw new Refusal(FAILURE.notForPurpose, 'IMAGE');
    if (asset.sizeBytes > SIZE_LIMITS.IMAGE) throw new Refusal(FAILURE.imageTooLarge, 'IMAGE');
    let probed;
    try {
      probed = await probe(original);
    } catch (error) {
      if (error instanceof ToolError && error.stderr) throw new Refusal(FAILURE.imageUnreadable, 'IMAGE');
      throw error;
    }
    if (!probed.video || probed.video.width <= 0 || probed.video.height <= 0) throw new Refusal(FAILURE.imageUnreadable, 'IMAGE');
    if (probed.video.width * probed.video.height > MAX_IMAGE_PIXELS) throw new Refusal(FAILURE.imageTooLarge, 'IMAGE');
    // JPEG stays JPEG; PNG and WebP (which may be transparent) become WebP.
    const format = contentType === 'image/jpeg' ? 'jpeg' : 'webp';
    const made: [Exclude<RenditionName, 'original'>, string[], string][] = [
      ['image', imageArgs(original, join(work, 'image'), format), `image/${format}`],
      ['thumbnail', imageThumbnailArgs(original, join(work, 'thumbnail')), 'image/jpeg'],
    ];
    const renditions: Partial<Record<RenditionName, Rendition>> = {};
    for (const [name, args, type] of made) {
      try {
        await run(FFMPEG, args, 5 * 60_000);
      } catch (error) {
        if (error instanceof ToolError && error.stderr) throw new Refusal(FAILURE.imageUnreadable, 'IMAGE');
        throw error;
      }
      renditions[name] = { contentType: type, sizeBytes: await this.storage.putRendition(asset.id, name, join(work, name), type) };
    }
    const originalKept = ORIGINAL_KEPT[asset.purpose];
    if (originalKept) renditions.original = { contentType, sizeBytes: asset.sizeBytes };
    return { kind: 'IMAGE' as const, contentType, durationSeconds: null, renditions, originalKept };
  }
}

async function readHead(file: string, bytes: number): Promise<Buffer> {
  const handle = await openFile(file, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}
