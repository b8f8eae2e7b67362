import { createHmac, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Role } from '../accounts/role.js';
import type { User } from '../accounts/user.entity.js';
import { CONFIG, type Config } from '../platform/config/config.js';
import type { MediaAsset, RenditionName } from './media-asset.entity.js';

/** Who is asking: enough of a User for every rule. */
export type MediaViewer = Pick<User, 'id' | 'roles'>;

/**
 * A capability's answer to "who may see media attached to my things?". Given a viewer and assets they
 * neither own nor administer, it returns the ids among them the viewer may see (e.g. assignments: the
 * submission's graders; grants: the application's reviewers without a conflict). Rules only add viewers:
 * one rule saying yes is enough; none saying yes is a 404.
 */
export interface MediaAccessRule {
  readonly name: string;
  /** `viewer` null: someone not signed in, whom a rule may let see media made public (e.g. an awarded grant's video). */
  visibleAmong(viewer: MediaViewer | null, assetIds: string[]): Promise<Set<string>>;
}

/**
 * The one place that decides who may see a media asset: its owner and admins always, anyone a
 * registered rule lets in, nobody else. Capabilities register their rule when their module starts:
 *
 *     constructor(access: MediaAccess) { access.register({ name: 'assignments', visibleAmong: ... }) }
 *
 * The original bytes of a video or recording are the owner's and admins' alone, whatever the rules say.
 */
@Injectable()
export class MediaAccess {
  private readonly rules: MediaAccessRule[] = [];
  private readonly key: Buffer;

  constructor(@Inject(CONFIG) private readonly config: Config) {
    // A key of its own, derived: a signed media address can never be replayed as a session token.
    this.key = createHmac('sha256', config.jwtSecret).update('kapwa media addresses').digest();
  }

  register(rule: MediaAccessRule): void {
    if (this.rules.some((existing) => existing.name === rule.name)) throw new Error(`media access rule "${rule.name}" is registered twice`);
    this.rules.push(rule);
  }

  /** Owner or admin: sees everything of the asset, including the original. */
  isOwnerOrAdmin(viewer: MediaViewer | null, asset: Pick<MediaAsset, 'ownerId'>): boolean {
    return !!viewer && (viewer.id === asset.ownerId || viewer.roles.includes(Role.ADMIN));
  }

  /** The assets among `assets` the viewer may see (one query per rule, whatever the number of assets). */
  async visible<A extends Pick<MediaAsset, 'id' | 'ownerId'>>(viewer: MediaViewer | null, assets: A[]): Promise<A[]> {
    let rest = assets.filter((asset) => !this.isOwnerOrAdmin(viewer, asset));
    const allowed = new Set(assets.filter((asset) => this.isOwnerOrAdmin(viewer, asset)).map((asset) => asset.id));
    for (const rule of this.rules) {
      if (rest.length === 0) break;
      const yes = await rule.visibleAmong(viewer, rest.map((asset) => asset.id));
      for (const id of yes) allowed.add(id);
      rest = rest.filter((asset) => !yes.has(asset.id));
    }
    return assets.filter((asset) => allowed.has(asset.id));
  }

  async canView(viewer: MediaViewer | null, asset: Pick<MediaAsset, 'id' | 'ownerId'>): Promise<boolean> {
    return (await this.visible(viewer, [asset])).length === 1;
  }

  /** Whether this viewer may have this rendition (the original only for owner and admins, or for a document, which is its own original). */
  async canViewRendition(viewer: MediaViewer | null, asset: Pick<MediaAsset, 'id' | 'ownerId' | 'kind'>, name: RenditionName): Promise<boolean> {
    return this.renditionOpenTo(viewer, asset, name) && this.canView(viewer, asset);
  }

  /**
   * For a viewer who may see the asset: whether this rendition is theirs too. Everything is, but the
   * original of a video or recording (with whatever the camera wrote into it), which stays the owner's and admins'.
   */
  renditionOpenTo(viewer: MediaViewer | null, asset: Pick<MediaAsset, 'ownerId' | 'kind'>, name: RenditionName): boolean {
    return name !== 'original' || asset.kind === 'DOCUMENT' || this.isOwnerOrAdmin(viewer, asset);
  }

  /**
   * A signed path to a rendition, for <video src> and <img src> (which send no bearer token). It names the
   * viewer, whose right is checked again on every request, and ends after a few hours; the expiry is
   * rounded to the quarter hour so the same viewer gets the same address (and the browser's cache) for a while.
   */
  signedPath(assetId: string, name: RenditionName, viewerId: string, now = Date.now()): string {
    const quarter = 15 * 60;
    const expires = Math.ceil((now / 1000 + this.config.media.signedUrlSeconds) / quarter) * quarter;
    return `/media/${assetId}/${name}?v=${viewerId}&e=${expires}&s=${this.signature(assetId, name, viewerId, expires)}`;
  }

  /** The viewer id a signed path names, if its signature is right and it has not expired; else null. */
  verify(assetId: string, name: string, query: { v?: unknown; e?: unknown; s?: unknown }, now = Date.now()): string | null {
    const { v, e, s } = query;
    if (typeof v !== 'string' || typeof e !== 'string' || typeof s !== 'string' || !/^\d{1,12}$/.test(e)) return null;
    if (Number(e) * 1000 < now) return null;
    const expected = Buffer.from(this.signature(assetId, name, v, Number(e)));
    const given = Buffer.from(s);
    return given.length === expected.length && timingSafeEqual(given, expected) ? v : null;
  }

  private signature(assetId: string, name: string, viewerId: string, expires: number): string {
    return createHmac('sha256', this.key).update(`${assetId}\n${name}\n${viewerId}\n${expires}`).digest('base64url');
  }
}
