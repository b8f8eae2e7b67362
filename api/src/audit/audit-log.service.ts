import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { decodeKeysetCursor, encodeKeysetCursor } from '../platform/common/keyset-cursor.js';
import { AuditAction } from './audit-action.js';
import { AuditEventConnection } from './audit-event-connection.model.js';
import { AuditEvent } from './audit-event.entity.js';

/** Cursors carry JavaScript's millisecond time, so events are ordered at that precision too. */
const CREATED_MS = "date_trunc('milliseconds', e.created_at)";

/** Reading the audit log; writing is AuditService.record, inside the change's own transaction. */
@Injectable()
export class AuditLogService {
  constructor(@InjectRepository(AuditEvent) private readonly events: Repository<AuditEvent>) {}

  /** Newest first. */
  async page(first: number, after: string | undefined): Promise<AuditEventConnection> {
    const query = this.events.createQueryBuilder('e');
    if (after) query.where(`(${CREATED_MS}, e.id) < (:createdAt::timestamptz, :id::uuid)`, decodeKeysetCursor(after));
    const rows = await query.orderBy(CREATED_MS, 'DESC').addOrderBy('e.id', 'DESC').take(first + 1).getMany();
    const nodes = rows.slice(0, first);
    const last = nodes.at(-1);
    return {
      nodes,
      pageInfo: { hasNextPage: rows.length > first, endCursor: last ? encodeKeysetCursor(last.createdAt, last.id) : null },
    };
  }
}

/** The organizations an event's details name by id (a person moved from one to another). */
export function organizationIdsIn(event: AuditEvent): string[] {
  if (event.action !== AuditAction.ORGANIZATION_CHANGED) return [];
  return [event.data.from, event.data.to].filter((id): id is string => typeof id === 'string');
}

/**
 * A short summary of what changed, for admins reading the log: role codes, the suspension's reason,
 * the fields of an organization that changed. `names` holds the names of `organizationIdsIn(event)`.
 */
export function auditDetails(event: AuditEvent, names: ReadonlyMap<string, string> = new Map()): string | null {
  const data = event.data as Record<string, any>;
  const organizationName = (id: string) => names.get(id) ?? '?';
  const roles = (list: unknown) => (Array.isArray(list) && list.length ? list.join(', ') : '—');
  switch (event.action) {
    case AuditAction.ROLES_CHANGED:
      return `${roles(data.from)} → ${roles(data.to ?? data.roles)}`;
    case AuditAction.ACCOUNT_SUSPENDED:
      return typeof data.reason === 'string' ? data.reason : null;
    case AuditAction.ORGANIZATION_CHANGED:
      return `${data.from ? organizationName(data.from) : '—'} → ${data.to ? organizationName(data.to) : '—'}`;
    case AuditAction.ORGANIZATION_CREATED:
      return `${data.name} (${data.country}, ${data.kind})`;
    case AuditAction.ORGANIZATION_UPDATED:
      return Object.keys(data.to ?? {})
        .map((field) => `${field}: ${data.from?.[field]} → ${data.to[field]}`)
        .join('; ');
    case AuditAction.GRADE_SAVED:
      return `${data.assignment}: ${data.score} / ${data.maxPoints} (version ${data.version}${data.released ? ', released' : ''})`;
    case AuditAction.GRADES_RELEASED:
      return `${data.assignment}: ${data.count} released`;
    default:
      return null;
  }
}
