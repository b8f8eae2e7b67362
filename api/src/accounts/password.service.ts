import { Injectable } from '@nestjs/common';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@kapwa/shared';
import argon2 from 'argon2';
import { badUserInput } from '../platform/errors/errors.js';

/** argon2id with OWASP's recommended minimum cost (19 MiB, 2 passes). */
const OPTIONS = { type: argon2.argon2id, memoryCost: 19 * 1024, timeCost: 2, parallelism: 1 } as const;

@Injectable()
export class PasswordService {
  /** Checked against when the email is unknown, so a wrong email costs the same time as a wrong password. */
  private decoy: Promise<string> | undefined;

  hash(password: string): Promise<string> {
    return argon2.hash(password, OPTIONS);
  }

  async verify(hash: string | undefined, password: string): Promise<boolean> {
    if (!hash) {
      this.decoy ??= this.hash('kapwa-decoy-password');
      await argon2.verify(await this.decoy, password).catch(() => false);
      return false;
    }
    return argon2.verify(hash, password).catch(() => false);
  }
}

/** The sign-up rules for a password chosen anywhere else (reset, change), refused on `field`. */
export function assertPasswordRules(field: string, password: string): void {
  if (password.length < PASSWORD_MIN_LENGTH) throw badUserInput(field, `Use a password of at least ${PASSWORD_MIN_LENGTH} characters.`);
  if (password.length > PASSWORD_MAX_LENGTH) throw badUserInput(field, `Use a password of at most ${PASSWORD_MAX_LENGTH} characters.`);
}
