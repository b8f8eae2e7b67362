import { Injectable, type OnModuleInit } from '@nestjs/common';
import { MediaAccess, type MediaAccessRule, type MediaViewer } from '../media/media-access.js';
import { AssignmentLoaders } from './assignment-loaders.js';

/**
 * Assignments' answer to "who else may see this file?": files attached to a submission are seen by its
 * graders, its group, and the cohort once shared work is handed in (seesSubmissionFilesSql in
 * assignment.policy.ts). Registered with MediaAccess when the module starts.
 */
@Injectable()
export class AssignmentMediaRule implements MediaAccessRule, OnModuleInit {
  readonly name = 'assignments';

  constructor(
    private readonly access: MediaAccess,
    private readonly loaders: AssignmentLoaders,
  ) {}

  onModuleInit() {
    this.access.register(this);
  }

  async visibleAmong(viewer: MediaViewer | null, assetIds: string[]): Promise<Set<string>> {
    return viewer ? this.loaders.attachmentsVisibleTo(viewer.id, assetIds) : new Set();
  }
}
