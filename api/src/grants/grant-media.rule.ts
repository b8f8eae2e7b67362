import { Injectable, type OnModuleInit } from '@nestjs/common';
import { MediaAccess, type MediaAccessRule, type MediaViewer } from '../media/media-access.js';
import { GrantLoaders } from './grant-loaders.js';

/**
 * Grants' answer to "who else may see this video?": an application's video is seen by whoever sees the
 * application (its organization's members; its reviewers without a conflict: seesApplicationSql in
 * grant.policy.ts), and by everyone once it is awarded with the applicant's public consent.
 * Registered with MediaAccess when the module starts.
 */
@Injectable()
export class GrantMediaRule implements MediaAccessRule, OnModuleInit {
  readonly name = 'grants';

  constructor(
    private readonly access: MediaAccess,
    private readonly loaders: GrantLoaders,
  ) {}

  onModuleInit() {
    this.access.register(this);
  }

  visibleAmong(viewer: MediaViewer | null, assetIds: string[]): Promise<Set<string>> {
    return this.loaders.videosVisibleTo(viewer?.id ?? null, assetIds);
  }
}
