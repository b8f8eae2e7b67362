import { isUUID } from 'class-validator';
import { badUserInput } from '../errors/errors.js';

/** A position in a list ordered by (created at, id): what keyset pagination resumes after. */
export interface KeysetPosition {
  createdAt: string;
  id: string;
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

export function encodeKeysetCursor(createdAt: Date, id: string): string {
  return Buffer.from(JSON.stringify([createdAt.toISOString(), id])).toString('base64url');
}

/**
 * Reads a cursor this API wrote. Cursors come back from clients, so anything else (forged, truncated,
 * from another list) is BAD_USER_INPUT naming the argument, never a statement PostgreSQL refuses.
 */
export function decodeKeysetCursor(cursor: string, field = 'after'): KeysetPosition {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2) {
      const [createdAt, id] = value;
      if (typeof createdAt === 'string' && ISO_INSTANT.test(createdAt) && !Number.isNaN(Date.parse(createdAt)) && typeof id === 'string' && isUUID(id)) {
        return { createdAt, id };
      }
    }
  } catch {
    // not base64 JSON: refused below
  }
  throw badUserInput(field, 'This page link is not valid: start again from the first page.');
}
