import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Request } from 'express';
import { DataSource } from 'typeorm';
import { preparedQuery } from '../platform/database/prepared.js';
import { entityFromRow, selectColumns } from '../platform/database/rows.js';
import { unauthenticated } from '../platform/errors/errors.js';
import { TokenService } from './token.service.js';
import { User } from './user.entity.js';

export const ACCOUNT_SUSPENDED = 'This account is suspended; contact an admin.';

@Injectable()
export class ViewerService {
  /** The one statement every signed-in request sends, written once (it runs more than any other). */
  private readonly accountSql: string;

  constructor(
    private readonly tokens: TokenService,
    @InjectDataSource() private readonly db: DataSource,
  ) {
    this.accountSql = `SELECT ${selectColumns(db, User, 'u', '')} FROM app_user u WHERE u.id = $1 AND u.deleted_at IS NULL`;
  }

  /**
   * The user named by the request's bearer token; null without one. A token that is bad, expired,
   * names a deleted or suspended account, or was issued before the account's sessions were ended (its
   * version is behind) is refused, so a client knows to log in again. The checks cost nothing more: the
   * account's row is loaded for every request anyway.
   */
  async fromRequest(req: Request): Promise<User | null> {
    const header = req.headers.authorization;
    if (!header) return null;
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const claims = match ? this.tokens.claimsOf(match[1]) : null;
    const [row] = claims ? await preparedQuery(this.db, 'viewer-account', this.accountSql, [claims.userId]) : [];
    const user = row ? entityFromRow(this.db, User, row, '') : null;
    if (!user || user.tokenVersion !== claims!.version) throw unauthenticated('Your session has expired or is not valid. Please log in again.');
    // Read on every request, so a suspension ends every session of the account at once.
    if (user.suspendedAt) throw unauthenticated(ACCOUNT_SUSPENDED);
    return user;
  }
}
