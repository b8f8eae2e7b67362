import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { canonicalLocale, normalizeText, singleLineTextProblem } from '@kapwa/shared';
import { isUUID } from 'class-validator';
import { DataSource, type EntityManager } from 'typeorm';
import type { ViewerRequest } from '../accounts/access.decorators.js';
import type { User } from '../accounts/user.entity.js';
import { AuditAction, AuditSubject } from '../audit/audit-action.js';
import { AuditService } from '../audit/audit.service.js';
import { SPACELESS_SCRIPT } from '../community/search.service.js';
import { pageSize } from '../community/spaces.service.js';
import { MediaPurpose, MediaStatus } from '../media/media-asset.entity.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { Clock } from '../platform/common/clock.js';
import { renderMarkdown } from '../platform/common/markdown.js';
import { badUserInput, conflict, forbidden, isUniqueViolation, notFound } from '../platform/errors/errors.js';
import { multiLineArg, optionalSingleLineArg } from '../platform/input/validators.js';
import { AddResourceInput, RESOURCE_LIMITS as L, type UpdateResourceInput } from './dto/resource.inputs.js';
import { Resource, ResourceKind, ResourceStatus } from './resource.entity.js';
import { ResourceLoaders } from './resource-loaders.js';
import { resourceWords } from './resource-messages.js';
import { addsPublished, canChange, readsResourceSql, reviewsSuggestions } from './resource.policy.js';

export interface ResourceFilter {
  tag?: string | null;
  language?: string | null;
  country?: string | null;
  text?: string | null;
  first?: number | null;
  after?: string | null;
}

/** Where a notification about the library leads. */
export const LIBRARY_LINK = '/resources';

/**
 * A link people may follow from the library: http or https to a named host, nothing else. Refuses
 * javascript:, data:, file:, relative and protocol-relative addresses, and user names or passwords in
 * the address (a trick to make "https://trusted.org@evil.example" look trusted). Returns it normalized.
 */
export function libraryLink(value: string, field = 'url'): string {
  const text = value.trim();
  if (!text) throw badUserInput(field, 'Give the address of the resource, starting with https://.');
  if (text.length > L.urlMax) throw badUserInput(field, `An address may have at most ${L.urlMax} characters.`);
  if (/[\s\u0000-\u001f\u007f]/.test(text)) throw badUserInput(field, 'An address has no spaces or line breaks in it.');
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw badUserInput(field, 'Give a full address starting with https:// (or http://), such as https://www.ohchr.org/.');
  }
  if (!/^https?:\/\//i.test(text) || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
    throw badUserInput(field, 'Only web links are accepted: the address must start with https:// (or http://).');
  }
  if (!url.hostname.includes('.')) throw badUserInput(field, 'This address names no web site.');
  if (url.username || url.password) throw badUserInput(field, 'An address with a user name or password in it is not accepted.');
  return url.href;
}

/** Tags as people type them, made comparable: NFC, single spaces, lower case, no repeats, at most L.tags. */
export function normalizeTags(tags: readonly string[] | null | undefined): string[] {
  const seen = new Set<string>();
  for (const raw of tags ?? []) {
    const tag = normalizeText(raw).replace(/\s+/g, ' ').toLocaleLowerCase();
    if (!tag) continue;
    const problem = singleLineTextProblem(tag) ?? (tag.length > L.tagMax ? `A tag has at most ${L.tagMax} characters.` : null);
    if (problem) throw badUserInput('tags', problem);
    seen.add(tag);
  }
  if (seen.size > L.tags) throw badUserInput('tags', `Give at most ${L.tags} tags.`);
  return [...seen];
}

@Injectable()
export class ResourcesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly loaders: ResourceLoaders,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly clock: Clock,
  ) {}

  /**
   * The library: published resources the viewer reads, newest first, a page at a time (`after`: the id of
   * the last one already shown). Nothing for someone signed out.
   */
  async list(viewer: User | null, filter: ResourceFilter): Promise<Resource[]> {
    const size = pageSize(filter.first, 50);
    const tag = optionalSingleLineArg('tag', filter.tag, L.tagMax)?.replace(/\s+/g, ' ').toLocaleLowerCase() ?? null;
    const languageArg = optionalSingleLineArg('language', filter.language, 35);
    let language: string | null = null;
    if (languageArg) {
      try {
        language = canonicalLocale(languageArg);
      } catch {
        throw badUserInput('language', 'Choose a language from the list.');
      }
    }
    const country = optionalSingleLineArg('country', filter.country, 2)?.toUpperCase() ?? null;
    if (country && !/^[A-Z]{2}$/.test(country)) throw badUserInput('country', 'Choose a country from the list.');
    const text = optionalSingleLineArg('text', filter.text, 200);
    if (filter.after && !isUUID(filter.after)) throw badUserInput('after', 'This page link is not valid: start again from the first page.');
    if (!viewer) return [];

    const params: Record<string, unknown> = {};
    const param = (value: unknown) => {
      const name = `p${Object.keys(params).length}`;
      params[name] = value;
      return `:${name}`;
    };
    const where = [`r.status = 'PUBLISHED'`, readsResourceSql('r', `CAST(${param(viewer.id)} AS uuid)`)];
    if (tag) where.push(`${param(tag)} = ANY(r.tags)`);
    // "en" finds "en" and "en-GB".
    if (language) where.push(`(r.language = ${param(language)} OR r.language LIKE ${param(`${language}-%`)})`);
    if (country) where.push(`${param(country)} = ANY(r.countries)`);
    if (text) {
      // Words as written (`simple`), a tag named in full, and for scripts without spaces between words a substring.
      const like = SPACELESS_SCRIPT.test(text) ? param(`%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`) : null;
      where.push(
        `(r.search @@ websearch_to_tsquery('simple', ${param(text)}) OR ${param(text.toLocaleLowerCase())} = ANY(r.tags)${like ? ` OR (r.title || ' ' || r.description) ILIKE ${like}` : ''})`,
      );
    }
    if (filter.after) where.push(`(r.created_at, r.id) < (SELECT a.created_at, a.id FROM resource a WHERE a.id = CAST(${param(filter.after)} AS uuid))`);
    return this.db
      .getRepository(Resource)
      .createQueryBuilder('r')
      .where(where.join(' AND '))
      .setParameters(params)
      .orderBy('r.created_at', 'DESC')
      .addOrderBy('r.id', 'DESC')
      .limit(size)
      .getMany();
  }

  /** A resource the viewer reads, or NOT_FOUND (never FORBIDDEN: a suggestion's existence does not leak). */
  async require(req: ViewerRequest, id: string): Promise<Resource> {
    const resource = await this.loaders.resource(req, req.viewer?.id ?? null, id);
    if (!resource) throw notFound('That resource');
    return resource;
  }

  /** Admins and trainers: straight into the library. */
  add(viewer: User, input: AddResourceInput): Promise<Resource> {
    if (!addsPublished(viewer)) throw forbidden('Only admins and trainers add resources to the library: suggest it instead, and an admin will review it.');
    return this.create(viewer, input, ResourceStatus.PUBLISHED);
  }

  /** Any signed-in member: waits, seen only by them and admins, until an admin approves it. */
  suggest(viewer: User, input: AddResourceInput): Promise<Resource> {
    return this.create(viewer, input, ResourceStatus.SUGGESTED);
  }

  async update(req: ViewerRequest, viewer: User, id: string, input: UpdateResourceInput): Promise<Resource> {
    const found = await this.require(req, id);
    if (!canChange(viewer, found)) throw forbidden('Only admins and the trainer who added it change a resource.');
    return this.db.transaction(async (tx) => {
      const resource = await this.locked(tx, found.id);
      if (input.title != null) resource.title = input.title;
      if (input.description != null) Object.assign(resource, { description: input.description, descriptionHtml: renderMarkdown(input.description) });
      if (input.url != null) {
        if (resource.kind !== ResourceKind.LINK) throw badUserInput('url', 'A file resource keeps its file: remove it and add a link instead.');
        resource.url = libraryLink(input.url);
      }
      if (input.language != null) resource.language = canonicalLocale(input.language);
      if (input.tags != null) resource.tags = normalizeTags(input.tags);
      if (input.countries != null) resource.countries = [...new Set(input.countries)];
      resource.updatedAt = this.clock.now();
      return tx.save(resource);
    });
  }

  async remove(req: ViewerRequest, viewer: User, id: string): Promise<boolean> {
    const found = await this.require(req, id);
    if (!canChange(viewer, found)) throw forbidden('Only admins and the trainer who added it remove a resource.');
    await this.db.transaction(async (tx) => {
      await tx.delete(Resource, { id: found.id });
      await this.audit.record(tx, {
        actorId: viewer.id,
        action: AuditAction.RESOURCE_REMOVED,
        subjectType: AuditSubject.RESOURCE,
        subjectId: found.id,
        data: { title: found.title, status: found.status },
      });
    });
    return true;
  }

  /** Suggestions waiting for review, oldest first; admins only. */
  suggestions(viewer: User): Promise<Resource[]> {
    if (!reviewsSuggestions(viewer)) throw forbidden('Only admins review suggested resources.');
    return this.db.getRepository(Resource).find({ where: { status: ResourceStatus.SUGGESTED }, order: { createdAt: 'ASC', id: 'ASC' }, take: 500 });
  }

  /**
   * Approves a suggestion into the library or declines it (with a reason the suggester reads). Once:
   * a reviewed suggestion is CONFLICT. The suggester is told; the decision is audited.
   */
  async review(viewer: User, id: string, approve: boolean, reason: string | null | undefined): Promise<Resource> {
    if (!reviewsSuggestions(viewer)) throw forbidden('Only admins review suggested resources.');
    const why = reason == null ? null : multiLineArg('reason', reason, L.reasonMax).trim() || null;
    if (!isUUID(id)) throw notFound('That suggestion');
    return this.db.transaction(async (tx) => {
      const resource = await this.locked(tx, id).catch(() => null);
      if (!resource || (resource.status === ResourceStatus.PUBLISHED && !resource.reviewedAt)) throw notFound('That suggestion');
      if (resource.status !== ResourceStatus.SUGGESTED) throw conflict('This suggestion has already been reviewed.');
      const now = this.clock.now();
      Object.assign(resource, {
        status: approve ? ResourceStatus.PUBLISHED : ResourceStatus.REJECTED,
        reviewedBy: viewer.id,
        reviewedAt: now,
        reviewReason: approve ? null : why,
        updatedAt: now,
      });
      // Approved, it joins the library as new: at the top of the newest-first list.
      if (approve) resource.createdAt = now;
      await tx.save(resource);
      await this.audit.record(tx, {
        actorId: viewer.id,
        action: approve ? AuditAction.RESOURCE_APPROVED : AuditAction.RESOURCE_DECLINED,
        subjectType: AuditSubject.RESOURCE,
        subjectId: resource.id,
        data: { title: resource.title, ...(why && !approve && { reason: why }) },
      });
      await this.tellSuggester(tx, viewer, resource, approve, why);
      return resource;
    });
  }

  private async tellSuggester(tx: EntityManager, reviewer: User, resource: Resource, approved: boolean, reason: string | null): Promise<void> {
    if (!resource.addedBy || resource.addedBy === reviewer.id) return;
    const [person]: { locale: string }[] = await tx.query(`SELECT locale FROM app_user WHERE id = $1 AND deleted_at IS NULL`, [resource.addedBy]);
    if (!person) return;
    const words = resourceWords(person.locale);
    await this.notifications.notify(tx, [
      {
        // Reviewed once (CONFLICT after): one notice per suggestion, whatever retries.
        key: `resource-reviewed:${resource.id}`,
        userId: resource.addedBy,
        kind: approved ? 'RESOURCE_APPROVED' : 'RESOURCE_DECLINED',
        title: approved ? words.approvedTitle(resource.title) : words.declinedTitle(resource.title),
        body: approved ? words.approvedBody(resource.title) : words.declinedBody(resource.title, reason),
        link: LIBRARY_LINK,
        email: true,
      },
    ]);
  }

  private async create(viewer: User, input: AddResourceInput, status: ResourceStatus): Promise<Resource> {
    const hasUrl = !!input.url?.trim();
    if (hasUrl && input.mediaAssetId) throw badUserInput('url', 'Give a link or a file, not both.');
    if (!hasUrl && !input.mediaAssetId) throw badUserInput('url', 'Give the address of the resource (https://…) or upload a file.');
    const url = hasUrl ? libraryLink(input.url!) : null;
    if (input.mediaAssetId) await this.assertOwnFile(viewer, input.mediaAssetId);
    const now = this.clock.now();
    const repo = this.db.getRepository(Resource);
    try {
      return await repo.save(
        repo.create({
          title: input.title,
          description: input.description,
          descriptionHtml: renderMarkdown(input.description),
          kind: url ? ResourceKind.LINK : ResourceKind.FILE,
          url,
          mediaAssetId: input.mediaAssetId ?? null,
          language: canonicalLocale(input.language),
          tags: normalizeTags(input.tags),
          countries: [...new Set(input.countries ?? [])],
          status,
          addedBy: viewer.id,
          createdAt: now,
          updatedAt: now,
        }),
      );
    } catch (err) {
      if (isUniqueViolation(err, 'resource_media')) throw conflict('This file is already in the library.', 'mediaAssetId');
      throw err;
    }
  }

  /** A file for the library: the adder's own upload for this purpose, processed or being processed. */
  private async assertOwnFile(viewer: User, assetId: string): Promise<void> {
    const [asset]: { status: MediaStatus; purpose: MediaPurpose }[] = await this.db.query(
      `SELECT status, purpose FROM media_asset WHERE id = $1 AND owner_id = $2`,
      [assetId, viewer.id],
    );
    if (!asset || asset.purpose !== MediaPurpose.RESOURCE) throw badUserInput('mediaAssetId', 'Choose a file you uploaded for the library.');
    if (asset.status === MediaStatus.UPLOADING) throw badUserInput('mediaAssetId', 'Wait until the file has finished uploading.');
    if (asset.status === MediaStatus.FAILED) throw badUserInput('mediaAssetId', 'This file could not be processed: upload it again.');
  }

  private locked(tx: EntityManager, id: string): Promise<Resource> {
    return tx.getRepository(Resource).createQueryBuilder('r').where('r.id = :id', { id }).setLock('pessimistic_write').getOneOrFail();
  }
}
