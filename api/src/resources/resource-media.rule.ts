import { Injectable, type OnModuleInit } from '@nestjs/common';
import { MediaAccess, type MediaAccessRule, type MediaViewer } from '../media/media-access.js';
import { ResourceLoaders } from './resource-loaders.js';

/**
 * The library's answer to "who else may see this file?": whoever reads the resource it belongs to
 * (readsResourceSql: signed-in members for a published one; the suggester and admins for a suggestion).
 * Served at /media like every other upload; registered with MediaAccess when the module starts.
 */
@Injectable()
export class ResourceMediaRule implements MediaAccessRule, OnModuleInit {
  readonly name = 'resources';

  constructor(
    private readonly access: MediaAccess,
    private readonly loaders: ResourceLoaders,
  ) {}

  onModuleInit() {
    this.access.register(this);
  }

  visibleAmong(viewer: MediaViewer | null, assetIds: string[]): Promise<Set<string>> {
    return this.loaders.filesVisibleTo(viewer?.id ?? null, assetIds);
  }
}
