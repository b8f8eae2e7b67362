import { describe, expect, it } from '@jest/globals';
import { Role } from './role.js';
import type { User } from './user.entity.js';
import { PRIVATE_USER_FIELDS, visibleEmail, visibleUserFields } from './user.policy.js';

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

describe('which fields of a person a viewer sees', () => {
  const ana = person('ana');
  const fields = (viewer: User | null, trainsThem: boolean) => [...visibleUserFields(viewer, ana, { trainsThem })].sort();
  it('is everything for the person and for admins', () => {
    expect(fields(ana, false)).toEqual([...PRIVATE_USER_FIELDS].sort());
    expect(fields(person('root', [Role.ADMIN]), false)).toEqual([...PRIVATE_USER_FIELDS].sort());
  });
  it("is country and organization for the trainers of the person's courses", () => {
    expect(fields(person('tess', [Role.TRAINER]), true)).toEqual(['country', 'organization']);
  });
  it('is the display name only for everyone else, whatever their platform role', () => {
    for (const viewer of [null, person('ben'), person('tess', [Role.TRAINER]), person('rev', [Role.REVIEWER])]) expect(fields(viewer, false)).toEqual([]);
  });
  it('is the display name only from people who hide, unless it is themselves or an admin', () => {
    expect([...visibleUserFields(person('tess', [Role.TRAINER]), ana, { trainsThem: true, hidden: true })]).toEqual([]);
    expect([...visibleUserFields(ana, ana, { trainsThem: false, hidden: true })].length).toBe(PRIVATE_USER_FIELDS.length);
  });
});

describe('the directory relation', () => {
  const ana = person('ana');
  it("shows signed-in members the country and organization of a person listed in the directory, nothing more", () => {
    expect([...visibleUserFields(person('ben'), ana, { trainsThem: false, listed: true })].sort()).toEqual(['country', 'organization']);
  });
  it('shows a signed-out visitor nothing more of a listed person, and nobody anything more of a HIDDEN one', () => {
    expect([...visibleUserFields(null, ana, { trainsThem: false, listed: true })]).toEqual([]);
    expect([...visibleUserFields(person('ben'), ana, { trainsThem: false, listed: false })]).toEqual([]);
  });
});
