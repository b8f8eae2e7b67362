import { createSecretKey } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { CONFIG, type Config } from '../platform/config/config.js';

/** Signed, expiring bearer tokens that name a user. */
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

  issue(userId: string): string {
    return this.jwt.sign({ sub: userId });
  }

  /** The user id a token names, or null when the token is forged, malformed or expired. */
  userIdOf(token: string): string | null {
    try {
      const payload = this.jwt.verify<{ sub?: unknown }>(token);
      return typeof payload.sub === 'string' ? payload.sub : null;
    } catch {
      return null;
    }
  }
}
