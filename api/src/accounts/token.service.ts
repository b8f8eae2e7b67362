import { createSecretKey } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { CONFIG, type Config } from '../platform/config/config.js';

/** What a valid token says: whose it is, and which of their token versions it was issued under. */
export interface TokenClaims {
  userId: string;
  version: number;
}

/** Signed, expiring bearer tokens that name a user and the account's token version. */
@Injectable()
export class TokenService {
  private readonly jwt: JwtService;

  constructor(@Inject(CONFIG) config: Config) {
    this.jwt = new JwtService({
      // A key object, not the string: given a string, jsonwebtoken first tries (and fails) to read it as a
      // public key on every verification, which cost about a tenth of the API's time per request.
      secret: createSecretKey(Buffer.from(config.jwtSecret)),
      signOptions: { algorithm: 'HS256', expiresIn: config.tokenLifetimeSeconds, issuer: 'kapwa' },
      verifyOptions: { algorithms: ['HS256'], issuer: 'kapwa' },
    });
  }

  issue(user: { id: string; tokenVersion: number }): string {
    return this.jwt.sign({ sub: user.id, ver: user.tokenVersion });
  }

  /**
   * The claims of a token, or null when it is forged, malformed or expired. Tokens issued before
   * versions existed carry none and count as version 0, the version every account starts with.
   */
  claimsOf(token: string): TokenClaims | null {
    try {
      const payload = this.jwt.verify<{ sub?: unknown; ver?: unknown }>(token);
      if (typeof payload.sub !== 'string') return null;
      const version = payload.ver ?? 0;
      return Number.isInteger(version) ? { userId: payload.sub, version: version as number } : null;
    } catch {
      return null;
    }
  }
}
