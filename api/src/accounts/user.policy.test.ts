import { describe, expect, it } from '@jest/globals';
import { Role } from './role.js';
import type { User } from './user.entity.js';
import { visibleEmail, visibleEmailVerified } from './user.policy.js';

const person = (id: string, roles: Role[] = []) => ({ id, roles, email: `${id}@example.org` }) as User;

describe("who sees a person's email", () => {
  const ana = person('ana');
  it('is the person themself', () => expect(visibleEmail(ana, ana)).toBe('ana@example.org'));
  it('is an admin', () => expect(visibleEmail(person('root', [Role.ADMIN]), ana)).toBe('ana@example.org'));
  it('is not another learner, a trainer or a reviewer', () => {
    for (const viewer of [person('ben'), person('tess', [Role.TRAINER]), person('rev', [Role.REVIEWER])]) {
      expect(visibleEmail(viewer, ana)).toBeNull();
    }
  });
  it('is not an anonymous visitor', () => expect(visibleEmail(null, ana)).toBeNull());
});

describe('who sees whether a person confirmed their email', () => {
  const ana = { ...person('ana'), emailVerifiedAt: null } as User;
  it('is the person themself and admins', () => {
    expect(visibleEmailVerified(ana, ana)).toBe(false);
    expect(visibleEmailVerified(person('root', [Role.ADMIN]), { ...ana, emailVerifiedAt: new Date() })).toBe(true);
  });
  it('is nobody else', () => {
    for (const viewer of [null, person('ben'), person('tess', [Role.TRAINER])]) expect(visibleEmailVerified(viewer, ana)).toBeNull();
  });
});
