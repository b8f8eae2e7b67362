import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { isUUID } from 'class-validator';
import { ALL_KINDS, KIND_PATTERN } from './notification-kinds.js';

/**
 * One-click unsubscribe tokens: `<person>.<kind or ALL>.<HMAC-SHA256>` in base64url, signed with a key derived
 * from the app secret (JWT_SECRET), so nobody can make one for another person or another kind. A token names
 * what it turns off and for whom; it never expires (an old email's link keeps working) and does nothing else.
 */
export interface UnsubscribeScope {
  userId: string;
  /** A notification kind, or ALL_KINDS. */
  kind: string;
}

function keyOf(secret: string): Buffer {
  return createHash('sha256').update(`kapwa unsubscribe key\0${secret}`).digest();
}

function mac(secret: string, userId: string, kind: string): Buffer {
  return createHmac('sha256', keyOf(secret)).update(`unsubscribe\0${userId}\0${kind}`).digest();
}

export function unsubscribeToken(secret: string, scope: UnsubscribeScope): string {
  return `${Buffer.from(scope.userId.replaceAll('-', ''), 'hex').toString('base64url')}.${scope.kind}.${mac(secret, scope.userId, scope.kind).toString('base64url')}`;
}

/** The scope a token names, or null when it is not one this server signed. */
export function readUnsubscribeToken(secret: string, token: unknown): UnsubscribeScope | null {
  if (typeof token !== 'string' || token.length > 200) return null;
  const [user, kind, signature, ...rest] = token.split('.');
  if (rest.length || !user || !kind || !signature) return null;
  if (kind !== ALL_KINDS && !KIND_PATTERN.test(kind)) return null;
  const hex = Buffer.from(user, 'base64url').toString('hex');
  if (hex.length !== 32) return null;
  const userId = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  if (!isUUID(userId)) return null;
  const given = Buffer.from(signature, 'base64url');
  const expected = mac(secret, userId, kind);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return { userId, kind };
}
