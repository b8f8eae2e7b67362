import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Public, SignedIn, Viewer, type ViewerRequest } from '../accounts/access.decorators.js';
import { AccountsService } from '../accounts/accounts.service.js';
import { User } from '../accounts/user.entity.js';
import { isAdmin } from '../accounts/user.policy.js';
import { MediaAsset } from '../media/media-asset.entity.js';
import { MediaResolver } from '../media/media.resolver.js';
import { RateLimit } from '../platform/rate-limits/rate-limit.js';
import { AddResourceInput, UpdateResourceInput } from './dto/resource.inputs.js';
import { Resource, ResourceKind } from './resource.entity.js';
import { ResourceLoaders } from './resource-loaders.js';
import { canChange } from './resource.policy.js';
import { ResourcesService } from './resources.service.js';

@Resolver(() => Resource)
export class ResourcesResolver {
  constructor(
    private readonly library: ResourcesService,
    private readonly loaders: ResourceLoaders,
    private readonly accounts: AccountsService,
    private readonly media: MediaResolver,
  ) {}

  @Public()
  @Query(() => [Resource], {
    description:
      'The library for signed-in members (empty when signed out), newest first. tag: one tag; language: "en" also finds "en-GB"; country: resources naming that country; text: words in the title, description or tags. first: at most 100 (50 when left out); after: the id of the last resource already shown.',
  })
  resources(
    @Viewer() viewer: User | null,
    @Args('tag', { type: () => String, nullable: true }) tag: string | null,
    @Args('language', { type: () => String, nullable: true }) language: string | null,
    @Args('country', { type: () => String, nullable: true }) country: string | null,
    @Args('text', { type: () => String, nullable: true }) text: string | null,
    @Args('first', { type: () => Int, nullable: true }) first: number | null,
    @Args('after', { type: () => ID, nullable: true }) after: string | null,
  ): Promise<Resource[]> {
    return this.library.list(viewer, { tag, language, country, text, first, after });
  }

  @SignedIn()
  @Query(() => [Resource], { description: 'Admins only: suggestions waiting for review, oldest first.' })
  resourceSuggestions(@Viewer() viewer: User): Promise<Resource[]> {
    return this.library.suggestions(viewer);
  }

  @SignedIn()
  @Mutation(() => Resource, { description: 'Admins and trainers: a link (url) or a file uploaded for the library (mediaAssetId), published at once.' })
  addResource(@Viewer() viewer: User, @Args('input') input: AddResourceInput): Promise<Resource> {
    return this.library.add(viewer, input);
  }

  @SignedIn()
  @RateLimit({ key: 'resource-suggest', points: 20, durationSeconds: 3600, per: 'viewer', message: 'You have suggested many resources: wait {wait} and suggest again.' })
  @Mutation(() => Resource, { description: 'Any signed-in member: SUGGESTED, seen only by them and admins until an admin approves it.' })
  suggestResource(@Viewer() viewer: User, @Args('input') input: AddResourceInput): Promise<Resource> {
    return this.library.suggest(viewer, input);
  }

  @SignedIn()
  @Mutation(() => Resource, { description: 'Admins only. Approve into the library, or decline with a reason; the suggester is told. Once (CONFLICT after).' })
  reviewResourceSuggestion(
    @Viewer() viewer: User,
    @Args('id', { type: () => ID }) id: string,
    @Args('approve') approve: boolean,
    @Args('reason', { type: () => String, nullable: true }) reason: string | null,
  ): Promise<Resource> {
    return this.library.review(viewer, id, approve, reason);
  }

  @SignedIn()
  @Mutation(() => Resource, { description: 'Admins, and the trainer who added it.' })
  updateResource(
    @Viewer() viewer: User,
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: UpdateResourceInput,
    @Context('req') req: ViewerRequest,
  ): Promise<Resource> {
    return this.library.update(req, viewer, id, input);
  }

  @SignedIn()
  @Mutation(() => Boolean, { description: 'Admins, and the trainer who added it. Its file stays among the uploader\'s uploads.' })
  removeResource(@Viewer() viewer: User, @Args('id', { type: () => ID }) id: string, @Context('req') req: ViewerRequest): Promise<boolean> {
    return this.library.remove(req, viewer, id);
  }

  @ResolveField('url', () => String, {
    description: "A LINK's address; a FILE's address at /media (signed for the viewer), empty until the file is ready.",
  })
  async url(@Parent() resource: Resource, @Context('req') req: ViewerRequest): Promise<string> {
    if (resource.kind === ResourceKind.LINK) return resource.url ?? '';
    const file = await this.file(resource, req);
    return (file && (await this.media.url(file, req))) ?? '';
  }

  @ResolveField('file', () => MediaAsset, { nullable: true, description: 'The uploaded file of a FILE resource; null for a LINK.' })
  file(@Parent() resource: Resource, @Context('req') req: ViewerRequest): Promise<MediaAsset | null> | null {
    return resource.mediaAssetId ? this.loaders.file(req, resource.mediaAssetId) : null;
  }

  @ResolveField('addedBy', () => User, { nullable: true, description: 'Who added or suggested it ("Former member" once they have deleted their account).' })
  addedBy(@Parent() resource: Resource, @Context('req') req: ViewerRequest): Promise<User | null> | null {
    return resource.addedBy ? this.accounts.load(req, resource.addedBy) : null;
  }

  @ResolveField('reviewReason', () => String, { nullable: true, description: 'Why an admin declined it: the suggester and admins; null for others.' })
  reviewReason(@Parent() resource: Resource, @Context('req') req: ViewerRequest): string | null {
    const viewer = req.viewer ?? null;
    return isAdmin(viewer) || (!!viewer && viewer.id === resource.addedBy) ? resource.reviewReason : null;
  }

  @ResolveField('viewerCanChange', () => Boolean, { description: 'Whether the viewer may update or remove it (admins; the trainer who added it).' })
  viewerCanChange(@Parent() resource: Resource, @Context('req') req: ViewerRequest): boolean {
    return !!req.viewer && canChange(req.viewer, resource);
  }
}
