import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { seedDemo } from '../cli/seed-demo.js';
import { grantRoles, PASSWORD, type Person, signUp, signUpAdmin, signUpTrainer } from '../platform/testing/factories.js';
import { errorOf, sentNotices, startTestApi, type TestApi } from '../platform/testing/test-app.js';
import { waitFor } from '../platform/testing/wait-for.js';
import { DEMO_RESOURCES } from './resources-demo.js';
import { ADD, addLink, LIST, linkInput, ok, REMOVE, REVIEW, SUGGEST, suggestLink, SUGGESTIONS, UPDATE } from './resource-fixtures.js';

let api: TestApi;
let admin: Person;
let trainer: Person;
let otherTrainer: Person;
let member: Person;
let colleague: Person;

const list = async (who: Person | null, args: Record<string, unknown> = {}) => ok(await api.gql(LIST, args, who?.token)).resources as any[];
const titles = async (who: Person | null, args: Record<string, unknown> = {}) => (await list(who, args)).map((r) => r.title);
const stored = (person: Person, kind: string) => api.sql<{ title: string; body: string; link: string }>(`SELECT title, body, link FROM notification WHERE user_id = $1 AND kind = $2`, [person.id, kind]);
const audit = (action: string, subjectId: string) => api.sql<{ actor_id: string; data: any }>(`SELECT actor_id, data FROM audit_event WHERE action = $1 AND subject_id = $2`, [action, subjectId]);

beforeAll(async () => {
  api = await startTestApi();
  admin = await signUpAdmin(api);
  trainer = await signUpTrainer(api, admin);
  otherTrainer = await signUpTrainer(api, admin);
  member = await signUp(api, { displayName: 'Mya Member', locale: 'th' });
  colleague = await signUp(api, { displayName: 'Colleague' });
  await api.startWorker();
});
afterAll(() => api.close());

describe('adding to the library', () => {
  it('admins and trainers publish at once; signed-in members read it; signed-out visitors read nothing', async () => {
    const added = await addLink(api, trainer, { title: 'Protection manual', tags: [' Protection ', 'PROTECTION', 'Digital   Security'], countries: ['np', 'TH', 'NP'] });
    expect(added).toMatchObject({
      status: 'PUBLISHED',
      kind: 'LINK',
      tags: ['protection', 'digital security'],
      countries: ['NP', 'TH'],
      addedBy: { id: trainer.id },
      file: null,
      viewerCanChange: true,
    });
    expect(added.descriptionHtml).toBe('<p>A <em>useful</em> guide.</p>\n');
    expect(await titles(member)).toContain('Protection manual');
    expect((await list(member)).find((r) => r.id === added.id)).toMatchObject({ viewerCanChange: false, addedBy: { displayName: expect.any(String) } });
    expect(await titles(null)).toEqual([]);
    expect(await addLink(api, admin)).toMatchObject({ status: 'PUBLISHED' });
  });

  it('members may not add, only suggest', async () => {
    const res = await api.gql(ADD, { input: linkInput() }, member.token);
    expect(errorOf(res)).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('suggest') });
    expect(errorOf(await api.gql(ADD, { input: linkInput() }))).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('accepts only http(s) links to a web site, naming the field', async () => {
    for (const url of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      '/relative/path',
      '//evil.example/x',
      'ftp://files.example.org/a.pdf',
      'https://trusted.org@evil.example/',
      'https://user:secret@example.org/',
      'http://intranet/',
      'https://exa mple.org/',
      'example.org',
      '',
    ]) {
      const res = await api.gql(ADD, { input: linkInput({ url }) }, trainer.token);
      expect({ url, error: errorOf(res) }).toMatchObject({ url, error: { code: 'BAD_USER_INPUT', field: 'url' } });
    }
    expect((await addLink(api, trainer, { url: ' HTTPS://www.OHCHR.org/en ' })).url).toBe('https://www.ohchr.org/en');
  });

  it('holds titles, descriptions, languages, countries and tags to their rules', async () => {
    const refused = async (extra: Record<string, unknown>) => errorOf(await api.gql(ADD, { input: linkInput(extra) }, trainer.token));
    expect(await refused({ title: 'ab' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'title' });
    expect(await refused({ title: 'x'.repeat(201) })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'title' });
    expect(await refused({ description: 'x'.repeat(5001) })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'description' });
    expect(await refused({ language: 'not a language' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'language' });
    expect(await refused({ countries: ['XX'] })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'countries' });
    expect(await refused({ tags: Array.from({ length: 11 }, (_, i) => `tag ${i}`) })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'tags' });
    expect(await refused({ tags: ['x'.repeat(41)] })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'tags' });
    expect(await refused({ url: null })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'url' });
    expect(await refused({ mediaAssetId: '00000000-0000-4000-8000-000000000000' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'url' });
    expect(await refused({ url: null, mediaAssetId: '00000000-0000-4000-8000-000000000000' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'mediaAssetId' });
    expect((await addLink(api, trainer, { language: 'EN-gb' })).language).toBe('en-GB');
  });

  it('renders the description sanitized: no scripts, no javascript: links, no raw HTML', async () => {
    const description = '<script>alert(1)</script> <img src=x onerror=alert(1)> [click](javascript:alert(1)) [ok](https://example.org)';
    const { descriptionHtml } = await addLink(api, trainer, { description });
    expect(descriptionHtml).not.toMatch(/<script|<img|<[^>]*onerror|href="javascript:/i);
    expect(descriptionHtml).toContain("&lt;script&gt;");
    expect(descriptionHtml).toContain('<a href="https://example.org" rel="noopener noreferrer nofollow">ok</a>');
  });
});

describe('finding resources', () => {
  it('filters by tag, language (a tag finds its regional forms), country and words, and pages newest first', async () => {
    const mark = `w${Date.now()}`;
    const a = await addLink(api, trainer, { title: `Reprisals ${mark} guide`, tags: ['Reprisals'], language: 'en-GB', countries: ['NP'] });
    const b = await addLink(api, admin, { title: `การคุ้มครองนักปกป้องสิทธิ ${mark}`, description: 'คู่มือการคุ้มครองนักปกป้องสิทธิมนุษยชน', tags: ['protection'], language: 'th', countries: ['TH'] });
    const c = await addLink(api, trainer, { title: `Business ${mark}`, description: 'Companies and defenders.', tags: ['business and human rights'], language: 'en' });
    expect(await titles(member, { text: mark })).toEqual([c.title, b.title, a.title]);
    expect(await titles(member, { text: mark, tag: ' REPRISALS ' })).toEqual([a.title]);
    expect(await titles(member, { text: mark, language: 'en' })).toEqual([c.title, a.title]);
    expect(await titles(member, { text: mark, language: 'th' })).toEqual([b.title]);
    expect(await titles(member, { text: mark, country: 'np' })).toEqual([a.title]);
    // Words in the description and tags; Thai, written without spaces, by substring.
    expect(await titles(member, { text: 'Companies' })).toContain(c.title);
    expect(await titles(member, { text: 'business and human rights' })).toContain(c.title);
    expect(await titles(member, { text: 'คุ้มครองนักปกป้อง' })).toContain(b.title);
    // Pages: after the last one shown.
    const first = await list(member, { text: mark, first: 2 });
    expect(first.map((r) => r.id)).toEqual([c.id, b.id]);
    expect((await list(member, { text: mark, first: 2, after: b.id })).map((r) => r.id)).toEqual([a.id]);
    expect(errorOf(await api.gql(LIST, { first: 101 }, member.token))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    expect(errorOf(await api.gql(LIST, { after: 'nonsense' }, member.token))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });
});

describe('suggestions', () => {
  it('are seen by the suggester and admins only until approved; the suggester is told, the decision audited, once', async () => {
    const suggested = await suggestLink(api, member, { title: 'Community radio toolkit' });
    expect(suggested).toMatchObject({ status: 'SUGGESTED', addedBy: { id: member.id } });
    expect(await titles(member)).not.toContain('Community radio toolkit');
    expect(await titles(colleague)).not.toContain('Community radio toolkit');
    expect(errorOf(await api.gql(SUGGESTIONS, {}, member.token))).toMatchObject({ code: 'FORBIDDEN' });
    expect(errorOf(await api.gql(SUGGESTIONS, {}, trainer.token))).toMatchObject({ code: 'FORBIDDEN' });
    expect(ok(await api.gql(SUGGESTIONS, {}, admin.token)).resourceSuggestions.map((r: any) => r.id)).toContain(suggested.id);
    // Nobody but an admin reviews, and a suggestion cannot be changed by its suggester or a trainer.
    expect(errorOf(await api.gql(REVIEW, { id: suggested.id, approve: true }, trainer.token))).toMatchObject({ code: 'FORBIDDEN' });
    expect(errorOf(await api.gql(UPDATE, { id: suggested.id, input: { title: 'Mine now' } }, trainer.token))).toMatchObject({ code: 'NOT_FOUND' });

    const approved = ok(await api.gql(REVIEW, { id: suggested.id, approve: true }, admin.token)).reviewResourceSuggestion;
    expect(approved).toMatchObject({ status: 'PUBLISHED', reviewReason: null });
    expect((await titles(colleague))[0]).toBe('Community radio toolkit');
    expect(errorOf(await api.gql(REVIEW, { id: suggested.id, approve: false }, admin.token))).toMatchObject({ code: 'CONFLICT' });
    await waitFor(async () => (await stored(member, 'RESOURCE_APPROVED')).length === 1);
    const [notice] = await stored(member, 'RESOURCE_APPROVED');
    // In the suggester's language (Thai), leading to the library.
    expect(notice).toMatchObject({ title: expect.stringContaining('Community radio toolkit'), link: '/resources' });
    expect(notice.title).toContain('คลังทรัพยากร');
    expect(await audit('RESOURCE_APPROVED', suggested.id)).toEqual([{ actor_id: admin.id, data: { title: 'Community radio toolkit' } }]);
    expect(ok(await api.gql(SUGGESTIONS, {}, admin.token)).resourceSuggestions.map((r: any) => r.id)).not.toContain(suggested.id);
  });

  it('declined, the suggester reads why (by notification and on the resource); nobody else sees it', async () => {
    const suggested = await suggestLink(api, colleague, { title: 'Old blog post' });
    const declined = ok(await api.gql(REVIEW, { id: suggested.id, approve: false, reason: 'The link is out of date.' }, admin.token)).reviewResourceSuggestion;
    expect(declined).toMatchObject({ status: 'REJECTED', reviewReason: 'The link is out of date.' });
    await waitFor(async () => (await stored(colleague, 'RESOURCE_DECLINED')).length === 1 && sentNotices(api.config).some((m) => m.to === colleague.email));
    expect((await stored(colleague, 'RESOURCE_DECLINED'))[0].body).toContain('The link is out of date.');
    expect(await titles(colleague)).not.toContain('Old blog post');
    expect(await audit('RESOURCE_DECLINED', suggested.id)).toEqual([{ actor_id: admin.id, data: { title: 'Old blog post', reason: 'The link is out of date.' } }]);
    // An admin's own additions are not suggestions.
    const own = await addLink(api, admin);
    expect(errorOf(await api.gql(REVIEW, { id: own.id, approve: true }, admin.token))).toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('changing and removing', () => {
  it('admins and the trainer who added it; nobody else', async () => {
    const resource = await addLink(api, trainer, { title: 'Draft title' });
    expect(errorOf(await api.gql(UPDATE, { id: resource.id, input: { title: 'Taken over' } }, otherTrainer.token))).toMatchObject({ code: 'FORBIDDEN' });
    expect(errorOf(await api.gql(UPDATE, { id: resource.id, input: { title: 'Taken over' } }, member.token))).toMatchObject({ code: 'FORBIDDEN' });
    expect(errorOf(await api.gql(REMOVE, { id: resource.id }, member.token))).toMatchObject({ code: 'FORBIDDEN' });
    const updated = ok(await api.gql(UPDATE, { id: resource.id, input: { title: 'Final title', description: '**Bold**', tags: ['A', 'a', 'B'], url: 'https://example.org/final' } }, trainer.token)).updateResource;
    expect(updated).toMatchObject({ title: 'Final title', descriptionHtml: '<p><strong>Bold</strong></p>\n', tags: ['a', 'b'], url: 'https://example.org/final' });
    expect(errorOf(await api.gql(UPDATE, { id: resource.id, input: { url: 'javascript:alert(1)' } }, trainer.token))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'url' });
    expect(ok(await api.gql(REMOVE, { id: resource.id }, admin.token)).removeResource).toBe(true);
    expect(await titles(member)).not.toContain('Final title');
    expect(await audit('RESOURCE_REMOVED', resource.id)).toEqual([{ actor_id: admin.id, data: { title: 'Final title', status: 'PUBLISHED' } }]);
    expect(errorOf(await api.gql(REMOVE, { id: resource.id }, trainer.token))).toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('an account deleted', () => {
  it('takes its suggestions with it; links it published stay under "Former member"; its data export lists both', async () => {
    const leaver = await signUp(api, { displayName: 'Leaving Trainer' });
    await grantRoles(api, admin, leaver, ['TRAINER']);
    const published = await addLink(api, leaver, { title: 'Stays in the library' });
    const suggestion = await suggestLink(api, leaver, { title: 'Goes with the account' });
    const exported = await (await fetch(`${api.url}/my-data`, { headers: { authorization: `Bearer ${leaver.token}` } })).json();
    expect(exported.resources.map((r: any) => [r.title, r.status])).toEqual([
      ['Stays in the library', 'PUBLISHED'],
      ['Goes with the account', 'SUGGESTED'],
    ]);
    ok(await api.gql(`mutation($p: String!) { deleteMyAccount(password: $p) }`, { p: PASSWORD }, leaver.token));
    const kept = (await list(member)).find((r) => r.id === published.id);
    expect(kept).toMatchObject({ title: 'Stays in the library', addedBy: { id: leaver.id, displayName: 'Former member' } });
    expect(await api.sql(`SELECT 1 FROM resource WHERE id = $1`, [suggestion.id])).toEqual([]);
  });
});

describe('demo data', () => {
  it('gives the library real public resources; loading it again changes nothing', async () => {
    const db = api.app.get(DataSource);
    await seedDemo(db);
    const count = async () => (await api.sql<{ n: number }>(`SELECT count(*)::int AS n FROM resource WHERE title = ANY($1)`, [DEMO_RESOURCES.map((r) => r.title)]))[0].n;
    expect(await count()).toBe(DEMO_RESOURCES.length);
    expect((await seedDemo(db)).created).toBe(0);
    expect(await count()).toBe(DEMO_RESOURCES.length);
    expect(await titles(member, { text: 'Declaration', tag: 'human rights defenders' })).toContain('UN Declaration on Human Rights Defenders');
    expect(await titles(member, { country: 'NP', language: 'ne' })).toEqual(['राष्ट्रिय मानव अधिकार आयोग, नेपाल']);
  });
});
