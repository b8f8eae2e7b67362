import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Request } from 'express';
import { IsNull, Repository } from 'typeorm';
import { unauthenticated } from '../platform/errors/errors.js';
import { TokenService } from './token.service.js';
import { User } from './user.entity.js';

@Injectable()
export class ViewerService {
  constructor(
    private readonly tokens: TokenService,
    @InjectRepository(User) private readonly users: Repository<User>,
  ) {}

  /**
   * The user named by the request's bearer token; null without one. A token that is bad, expired
   * or names a deleted account is refused, so a client knows to log in again.
   */
  async fromRequest(req: Request): Promise<User | null> {
    const header = req.headers.authorization;
    if (!header) return null;
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const userId = match ? this.tokens.userIdOf(match[1]) : null;
    const user = userId ? await this.users.findOneBy({ id: userId, deletedAt: IsNull() }) : null;
    if (!user) throw unauthenticated('Your session has expired or is not valid. Please log in again.');
    return user;
  }
}
