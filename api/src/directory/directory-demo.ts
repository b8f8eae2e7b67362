import type { EntityManager } from 'typeorm';

/**
 * Demo alumni in the directory: three learners list themselves to members, and Sita is the focal point
 * of the demo Nepal commission. Profiles that exist are left as they are, so running twice adds nothing.
 */
const PROFILES = [
  {
    email: 'learner.np@kapwa.example',
    bio: 'Complaints officer at the national commission in Kathmandu; I coordinate our work with defenders at risk.',
    expertise: ['reprisals', 'complaints handling', 'NHRI mandate'],
    languages: ['ne', 'en'],
    focalPoint: true,
  },
  {
    email: 'learner@kapwa.example',
    bio: 'Documentation and digital security with a defenders network in Yangon.',
    expertise: ['digital security', 'documentation', 'women human rights defenders'],
    languages: ['my', 'en'],
    focalPoint: false,
  },
  {
    email: 'learner.th@kapwa.example',
    bio: 'ทำงานด้านสิทธิในที่ดินและสิ่งแวดล้อมกับชุมชนในภาคเหนือ',
    expertise: ['land rights', 'environmental defenders'],
    languages: ['th', 'en'],
    focalPoint: false,
  },
];

export async function seedDemoDirectory(tx: EntityManager): Promise<number> {
  let created = 0;
  for (const profile of PROFILES) {
    const rows = await tx.query(
      `INSERT INTO directory_profile (user_id, bio, expertise, languages, visibility, is_focal_point)
       SELECT id, $2, $3::text[], $4::text[], 'MEMBERS', $5 FROM app_user WHERE email = $1
       ON CONFLICT (user_id) DO NOTHING RETURNING user_id`,
      [profile.email, profile.bio, profile.expertise, profile.languages, profile.focalPoint],
    );
    created += rows.length;
  }
  return created;
}
