import { createSecretKey } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { LRUCache } from 'lru-cache';
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
  /**
   * Tokens whose signature was checked, with when they expire: a signature never changes, so each token
   * is verified once per process rather than on every request. Revocation is not decided here: the
   * account's token version is read on every request (ViewerService).
   */
  private readonly verified = new LRUCache<string, { claims: TokenClaims; expiresAt: number }>({ max: 10_000 });

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
    const known = this.verified.get(token);
    // As jsonwebtoken decides: expired from the second `exp` names.
    if (known) return Math.floor(Date.now() / 1000) < known.expiresAt ? known.claims : null;
    try {
      const payload = this.jwt.verify<{ sub?: unknown; ver?: unknown; exp?: unknown }>(token);
      if (typeof payload.sub !== 'string' || typeof payload.exp !== 'number') return null;
      const version = payload.ver ?? 0;
      if (!Number.isInteger(version)) return null;
      const claims = { userId: payload.sub, version: version as number };
      this.verified.set(token, { claims, expiresAt: payload.exp });
      return claims;
    } catch {
      return null;
    }
  }
}
