import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { CONFIG, type Config } from '../platform/config/config.js';

const FORMAT = 'v1';

/**
 * Keeps authenticator secrets encrypted at rest (AES-256-GCM) and recovery codes as keyed hashes, both
 * with keys derived from TWO_FACTOR_KEY: a copy of the database alone can neither make codes nor test
 * guesses at recovery codes. The owner's id is bound into each ciphertext, so a secret copied onto
 * another row does not decrypt.
 */
@Injectable()
export class TwoFactorCrypto {
  private readonly secretKey: Buffer;
  private readonly codeKey: Buffer;

  constructor(@Inject(CONFIG) config: Config) {
    const derive = (purpose: string) => Buffer.from(hkdfSync('sha256', config.twoFactorKey, 'kapwa', purpose, 32));
    this.secretKey = derive('two-factor secret encryption');
    this.codeKey = derive('two-factor recovery code hash');
  }

  encrypt(secret: string, userId: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.secretKey, iv).setAAD(Buffer.from(userId));
    const body = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
    return [FORMAT, iv, cipher.getAuthTag(), body].map((part) => (typeof part === 'string' ? part : part.toString('base64url'))).join('.');
  }

  decrypt(stored: string, userId: string): string {
    const [format, iv, tag, body] = stored.split('.');
    if (format !== FORMAT) throw new Error(`unknown two-factor secret format ${format}`);
    const decipher = createDecipheriv('aes-256-gcm', this.secretKey, Buffer.from(iv, 'base64url'))
      .setAAD(Buffer.from(userId))
      .setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
  }

  /** `code` as typed by a person: spaces, hyphens and case do not matter. */
  hashRecoveryCode(code: string): string {
    return createHmac('sha256', this.codeKey).update(normalizeRecoveryCode(code)).digest('hex');
  }
}

export const normalizeRecoveryCode = (code: string) => code.replace(/[\s-]/g, '').toLowerCase();

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

/** 80 random bits, shown as four groups of four letters and digits: "k7dq-2mfa-x9…" is easy to copy down. */
export function newRecoveryCode(): string {
  const bytes = randomBytes(16);
  const chars = [...bytes].map((b) => BASE32[b & 31]).join('');
  return chars.match(/.{4}/g)!.join('-');
}
