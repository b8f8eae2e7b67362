import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Request } from 'express';
import { IsNull, Repository } from 'typeorm';
import { unauthenticated } from '../platform/errors/errors.js';
import { TokenService } from './token.service.js';
import { User } from './user.entity.js';

export const ACCOUNT_SUSPENDED = 'This account is suspended; contact an admin.';

@Injectable()
export class ViewerService {
  constructor(
    private readonly tokens: TokenService,
    @InjectRepository(User) private readonly users: Repository<User>,
  ) {}

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
    const user = claims ? await this.users.findOneBy({ id: claims.userId, deletedAt: IsNull() }) : null;
    if (!user || user.tokenVersion !== claims!.version) throw unauthenticated('Your session has expired or is not valid. Please log in again.');
    // Read on every request, so a suspension ends every session of the account at once.
    if (user.suspendedAt) throw unauthenticated(ACCOUNT_SUSPENDED);
    return user;
  }
}
