import { Args, Context, ID, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { SignedIn, Viewer, type ViewerRequest } from '../accounts/access.decorators.js';
import type { User } from '../accounts/user.entity.js';
import { notFound } from '../platform/errors/errors.js';
import { requestLoader } from '../platform/common/request-loaders.js';
import { MediaAccess } from './media-access.js';
import { MediaAsset, type RenditionName, MediaStatus } from './media-asset.entity.js';
import { MediaService } from './media.service.js';
import { UPLOAD_ID } from './uploads.middleware.js';

@Resolver(() => MediaAsset)
export class MediaResolver {
  constructor(
    private readonly media: MediaService,
    private readonly access: MediaAccess,
  ) {}

  /** The uploader's (and admins') view of an upload, e.g. to follow its processing. Anyone else: NOT_FOUND. */
  @SignedIn()
  @Query(() => MediaAsset, { nullable: true })
  async mediaAsset(@Viewer() viewer: User, @Args('id', { type: () => ID }) id: string): Promise<MediaAsset> {
    const asset = UPLOAD_ID.test(id) ? await this.media.find(id) : null;
    if (!asset || !this.access.isOwnerOrAdmin(viewer, asset)) throw notFound('Media');
    return asset;
  }

  @ResolveField('url', () => String, { nullable: true, description: 'The low-bitrate rendition for playback (READY only).' })
  url(@Parent() asset: MediaAsset, @Context('req') req: ViewerRequest): Promise<string | null> {
    // A recording has no pictures: its sound is what plays; a document is its own file.
    const name: RenditionName = asset.renditions.video ? 'video' : asset.renditions.audio ? 'audio' : 'original';
    return this.signed(asset, name, req);
  }

  @ResolveField('audioUrl', () => String, { nullable: true, description: 'An audio-only rendition (READY only, when the file has sound).' })
  audioUrl(@Parent() asset: MediaAsset, @Context('req') req: ViewerRequest): Promise<string | null> {
    return this.signed(asset, 'audio', req);
  }

  @ResolveField('thumbnailUrl', () => String, { nullable: true })
  thumbnailUrl(@Parent() asset: MediaAsset, @Context('req') req: ViewerRequest): Promise<string | null> {
    return this.signed(asset, 'thumbnail', req);
  }

  /** A signed path to a rendition that exists, for a viewer the access rules allow (checked once per request for a list). */
  private async signed(asset: MediaAsset, name: RenditionName, req: ViewerRequest): Promise<string | null> {
    const viewer = req.viewer ?? null;
    if (asset.status !== MediaStatus.READY || !asset.renditions[name]) return null;
    const visible = await requestLoader<MediaAsset, boolean>(req, 'media-visible', async (assets) => {
      const allowed = new Set((await this.access.visible(viewer, [...assets])).map((a) => a.id));
      return assets.map((a) => allowed.has(a.id));
    }).load(asset);
    // Seen already decided for the whole list: no further query per asset and field.
    if (!visible || !this.access.renditionOpenTo(viewer, asset, name)) return null;
    // Someone not signed in sees only media a rule made public: its address needs no signature.
    return viewer ? this.access.signedPath(asset.id, name, viewer.id) : `/media/${asset.id}/${name}`;
  }
}
