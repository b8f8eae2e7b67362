import { normalizeEmail } from '@kapwa/shared';
import argon2 from 'argon2';
import type { DataSource, EntityManager } from 'typeorm';
import { renderMarkdown } from '../platform/common/markdown.js';
import { Role } from '../accounts/role.js';
import { User } from '../accounts/user.entity.js';
import { OrganizationKind } from '../organizations/organization-kind.js';
import { Organization } from '../organizations/organization.entity.js';
import { seedDemoResources } from '../resources/resources-demo.js';
import { seedDemoDirectory } from '../directory/directory-demo.js';

/** Demo people for trying Kapwa. Every one shares this password; never load them in production. */
export const DEMO_PASSWORD = 'kapwa-demo-2026';

const ORGANIZATIONS = [
  { name: 'Demo Human Rights Commission of Nepal', country: 'NP', kind: OrganizationKind.NHRI },
  { name: 'Demo Commission on Human Rights, Philippines', country: 'PH', kind: OrganizationKind.NHRI },
  { name: 'Demo Defenders Network Myanmar', country: 'MM', kind: OrganizationKind.NGO },
];

const PEOPLE = [
  { email: 'admin@kapwa.example', displayName: 'Amihan (admin)', roles: [Role.ADMIN], country: 'PH', timeZone: 'Asia/Manila', locale: 'en', org: null },
  { email: 'trainer@kapwa.example', displayName: 'Sagal (trainer)', roles: [Role.TRAINER], country: 'TH', timeZone: 'Asia/Bangkok', locale: 'en', org: null },
  { email: 'reviewer@kapwa.example', displayName: 'Hoa (reviewer)', roles: [Role.REVIEWER], country: 'VN', timeZone: 'Asia/Ho_Chi_Minh', locale: 'en', org: null },
  { email: 'learner@kapwa.example', displayName: 'Min (learner)', roles: [], country: 'MM', timeZone: 'Asia/Yangon', locale: 'en', org: 2 },
  { email: 'learner.np@kapwa.example', displayName: 'Sita (learner)', roles: [], country: 'NP', timeZone: 'Asia/Kathmandu', locale: 'en', org: 0 },
  { email: 'learner.th@kapwa.example', displayName: 'Nok (learner)', roles: [], country: 'TH', timeZone: 'Asia/Bangkok', locale: 'th', org: null },
] as const;

/** Inserts what is missing and leaves what exists: running it twice changes nothing. */
export async function seedDemo(db: DataSource, now = new Date()): Promise<{ created: number }> {
  let created = 0;
  const passwordHash = await argon2.hash(DEMO_PASSWORD, { type: argon2.argon2id, memoryCost: 19 * 1024, timeCost: 2, parallelism: 1 });
  await db.transaction(async (tx) => {
    const orgIds: string[] = [];
    for (const org of ORGANIZATIONS) {
      const found = await tx
        .createQueryBuilder(Organization, 'o')
        .where('lower(o.name) = lower(:name) AND o.country = :country', org)
        .getOne();
      if (found) {
        orgIds.push(found.id);
      } else {
        const saved = await tx.save(tx.create(Organization, org));
        orgIds.push(saved.id);
        created++;
      }
    }
    for (const person of PEOPLE) {
      const email = normalizeEmail(person.email);
      if (await tx.existsBy(User, { email })) continue;
      await tx.insert(User, {
        email,
        passwordHash,
        displayName: person.displayName,
        roles: [...person.roles],
        country: person.country,
        timeZone: person.timeZone,
        locale: person.locale,
        organizationId: person.org === null ? null : orgIds[person.org],
      });
      created++;
    }
    created += await enrolDemoPeople(tx);
    created += await demoGrantCall(tx, now);
    created += await seedDemoSpaces(tx);
    created += await seedDemoResources(tx, 'admin@kapwa.example');
    created += await seedDemoDirectory(tx);
  });
  return { created };
}

const DEMO_CALL = {
  title: 'Small grants 2027: documentaries on human rights defenders',
  description:
    'Grants of up to 300,000 THB for NHRIs and NGOs to film a short documentary on the defenders they protect. Apply with a summary, a budget and a draft video.',
  criteria: [
    { title: 'Relevance to defenders', description: 'Who the film protects or makes heard.', weight: 3, maxScore: 10 },
    { title: 'Feasibility', description: 'A plan, a team and the access to film safely.', weight: 2, maxScore: 10 },
    { title: 'Value for money', description: 'A budget that fits the plan.', weight: 1, maxScore: 5 },
  ],
};

/**
 * One open grant call, so the demo shows grants: opened a week ago, closing in a month (Bangkok time).
 * Created once; run again after it closed with no applications, it opens for another month.
 */
async function demoGrantCall(tx: EntityManager, now: Date): Promise<number> {
  const day = 24 * 3600_000;
  const [existing] = await tx.query(`SELECT id, closes_at FROM grant_call WHERE title = $1`, [DEMO_CALL.title]);
  if (existing) {
    await tx.query(
      `UPDATE grant_call SET closes_at = $2, updated_at = now() WHERE id = $1 AND closes_at <= $3 AND NOT EXISTS (SELECT 1 FROM grant_application WHERE call_id = $1)`,
      [existing.id, new Date(now.getTime() + 30 * day), now],
    );
    return 0;
  }
  const [call] = await tx.query(
    `INSERT INTO grant_call (title, description, opens_at, closes_at, time_zone, opened_at, eligible_organization_kinds, reviews_wanted)
     VALUES ($1, $2, $3, $4, 'Asia/Bangkok', $5, '{NHRI,NGO}', 2) RETURNING id`,
    [DEMO_CALL.title, DEMO_CALL.description, new Date(now.getTime() - 7 * day), new Date(now.getTime() + 30 * day), now],
  );
  await tx.query(
    `INSERT INTO grant_criterion (call_id, position, title, description, weight, max_score)
     SELECT $1, n, c->>'title', c->>'description', (c->>'weight')::float8, (c->>'maxScore')::float8
     FROM jsonb_array_elements($2::jsonb) WITH ORDINALITY AS t(c, n)`,
    [call.id, JSON.stringify(DEMO_CALL.criteria)],
  );
  return 1;
}

/**
 * When the sample courses are imported: the demo trainer runs them and the demo learners take the
 * four-week course in country groups. Existing memberships are left as they are.
 */
async function enrolDemoPeople(tx: EntityManager): Promise<number> {
  const rows = await tx.query(
    `INSERT INTO enrollment (course_id, user_id, role, status, group_name)
     SELECT c.id, u.id,
            CASE WHEN u.email = 'trainer@kapwa.example' THEN 'TRAINER' ELSE 'LEARNER' END,
            'ACTIVE',
            CASE WHEN u.email = 'trainer@kapwa.example' THEN NULL ELSE u.country END
     FROM course c CROSS JOIN app_user u
     WHERE (u.email = 'trainer@kapwa.example')
        OR (c.slug = 'protecting-defenders-nhri' AND u.email IN ('learner@kapwa.example', 'learner.np@kapwa.example'))
     ON CONFLICT (course_id, user_id) DO NOTHING
     RETURNING id`,
  );
  return rows.length;
}

/** Community spaces for the demo, each with a conversation, by slug and title so running twice adds nothing. */
const SPACES = [
  {
    slug: 'women-human-rights-defenders',
    title: 'Women human rights defenders',
    description: 'Protection, solidarity and practice for and with women human rights defenders.',
    kind: 'THEME',
    threads: [
      {
        title: 'Protection measures that worked for you',
        author: 'learner.np@kapwa.example',
        body: 'Which **protection measures** have you seen work for women defenders in your country?',
        replies: [{ author: 'learner@kapwa.example', body: 'Rapid-response funds for relocation made the difference for colleagues in our network.' }],
      },
    ],
  },
  {
    slug: 'thailand',
    title: 'Thailand',
    description: 'For members working in and on Thailand.',
    kind: 'COUNTRY',
    country: 'TH',
    threads: [
      {
        title: 'การติดตามสถานการณ์นักปกป้องสิทธิมนุษยชน',
        author: 'learner.th@kapwa.example',
        body: 'สวัสดีค่ะ มีใครใช้เครื่องมือติดตามกรณีนักปกป้องสิทธิมนุษยชนบ้างคะ',
        replies: [{ author: 'trainer@kapwa.example', body: 'The course has a case-tracking template in week three; happy to share an adapted version.' }],
      },
    ],
  },
  {
    slug: 'alumni-network',
    title: 'Alumni network',
    description: 'Everyone who has taken a Kapwa course: keep learning and working together.',
    kind: 'NETWORK',
    threads: [
      {
        title: 'Introduce yourself',
        author: 'admin@kapwa.example',
        body: 'Welcome! Tell us where you work and what you are focusing on this year.',
        replies: [
          { author: 'learner@kapwa.example', body: 'Min from Yangon, working on documentation with a defenders network.' },
          { author: 'learner.np@kapwa.example', body: 'Sita from Kathmandu, at the national commission.' },
        ],
      },
    ],
  },
];

async function seedDemoSpaces(tx: EntityManager): Promise<number> {
  let created = 0;
  const person = async (email: string): Promise<string> => (await tx.query(`SELECT id FROM app_user WHERE email = $1`, [email]))[0].id;
  for (const space of SPACES) {
    const inserted = await tx.query(
      `INSERT INTO space (slug, title, description, kind, country) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (slug) DO NOTHING RETURNING id`,
      [space.slug, space.title, space.description, space.kind, 'country' in space ? space.country : null],
    );
    created += inserted.length;
    const [{ id: spaceId }] = await tx.query(`SELECT id FROM space WHERE slug = $1`, [space.slug]);
    for (const thread of space.threads) {
      if ((await tx.query(`SELECT 1 FROM thread WHERE space_id = $1 AND title = $2`, [spaceId, thread.title])).length) continue;
      const posts = [{ author: thread.author, body: thread.body }, ...thread.replies];
      // Posts a minute apart, so the conversation reads in order.
      const start = Date.now() - posts.length * 60_000;
      const authorIds = await Promise.all(posts.map((p) => person(p.author)));
      const [{ id: threadId }] = await tx.query(
        `INSERT INTO thread (space_id, title, author_id, created_at, last_activity_at, reply_count) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [spaceId, thread.title, authorIds[0], new Date(start), new Date(start + (posts.length - 1) * 60_000), posts.length - 1],
      );
      for (const [i, post] of posts.entries()) {
        await tx.query(`INSERT INTO post (thread_id, author_id, opening, body, body_html, created_at) VALUES ($1, $2, $3, $4, $5, $6)`, [
          threadId,
          authorIds[i],
          i === 0,
          post.body,
          renderMarkdown(post.body),
          new Date(start + i * 60_000),
        ]);
      }
      await tx.query(`INSERT INTO space_member (space_id, user_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`, [spaceId, [...new Set(authorIds)]]);
      created += 1 + posts.length;
    }
  }
  // The demo course's network (as its course.yaml says, for a database where the course was imported first).
  const linked = await tx.query(
    `INSERT INTO course_network_space (course_id, space_id)
     SELECT c.id, s.id FROM course c JOIN space s ON s.slug = ANY($2::text[]) WHERE c.slug = $1
     ON CONFLICT DO NOTHING RETURNING space_id`,
    ['protecting-defenders-nhri', DEMO_NETWORK_SPACES],
  );
  return created + linked.length;
}

/** The spaces the demo course invites its alumni into (content/courses/protecting-defenders-nhri/course.yaml). */
const DEMO_NETWORK_SPACES = ['alumni-network', 'women-human-rights-defenders'];
