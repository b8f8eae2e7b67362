import { normalizeEmail } from '@kapwa/shared';
import argon2 from 'argon2';
import type { DataSource, EntityManager } from 'typeorm';
import { Role } from '../accounts/role.js';
import { User } from '../accounts/user.entity.js';
import { OrganizationKind } from '../organizations/organization-kind.js';
import { Organization } from '../organizations/organization.entity.js';

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
