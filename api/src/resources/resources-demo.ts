import type { EntityManager } from 'typeorm';
import { renderMarkdown } from '../platform/common/markdown.js';

/** The library's demo resources: real public documents, as links. By title, so seeding twice adds nothing. */
export const DEMO_RESOURCES = [
  {
    title: 'UN Declaration on Human Rights Defenders',
    description:
      'The **Declaration on the Right and Responsibility of Individuals, Groups and Organs of Society to Promote and Protect Universally Recognized Human Rights and Fundamental Freedoms** (General Assembly resolution 53/144, 1998): the rights of defenders and the duties of States, in one short text.',
    url: 'https://www.ohchr.org/en/special-procedures/sr-human-rights-defenders/declaration-human-rights-defenders',
    language: 'en',
    tags: ['human rights defenders', 'un standards'],
    countries: [],
  },
  {
    title: 'Special Rapporteur on the situation of human rights defenders',
    description:
      'OHCHR’s page of the UN Special Rapporteur: thematic reports (women defenders, defenders at risk, reprisals), country visits and how to send a communication about a defender at risk.',
    url: 'https://www.ohchr.org/en/special-procedures/sr-human-rights-defenders',
    language: 'en',
    tags: ['human rights defenders', 'women defenders', 'reprisals'],
    countries: [],
  },
  {
    title: 'Principles relating to the Status of National Institutions (Paris Principles)',
    description: 'The minimum standards a national human rights institution must meet to be credible and independent (General Assembly resolution 48/134).',
    url: 'https://www.ohchr.org/en/instruments-mechanisms/instruments/principles-relating-status-national-institutions-paris',
    language: 'en',
    tags: ['nhri', 'un standards'],
    countries: [],
  },
  {
    title: 'Asia Pacific Forum of National Human Rights Institutions: resources',
    description: 'Manuals, training materials and reports from the APF for national human rights institutions in the Asia Pacific, including work on human rights defenders and business and human rights.',
    url: 'https://www.asiapacificforum.net/resources/',
    language: 'en',
    tags: ['nhri', 'training', 'business and human rights'],
    countries: [],
  },
  {
    title: 'UN Guiding Principles on Business and Human Rights',
    description: 'The "Protect, Respect and Remedy" framework endorsed by the Human Rights Council in 2011, published by OHCHR.',
    url: 'https://www.ohchr.org/sites/default/files/documents/publications/guidingprinciplesbusinesshr_en.pdf',
    language: 'en',
    tags: ['business and human rights', 'un standards'],
    countries: [],
  },
  {
    title: 'คณะกรรมการสิทธิมนุษยชนแห่งชาติ (กสม.)',
    description: 'เว็บไซต์ของคณะกรรมการสิทธิมนุษยชนแห่งชาติของประเทศไทย: รายงาน ข้อเสนอแนะ และช่องทางการร้องเรียน',
    url: 'https://www.nhrc.or.th/',
    language: 'th',
    tags: ['nhri'],
    countries: ['TH'],
  },
  {
    title: 'राष्ट्रिय मानव अधिकार आयोग, नेपाल',
    description: 'नेपालको राष्ट्रिय मानव अधिकार आयोगको वेबसाइट: प्रतिवेदन, सिफारिस र उजुरी दिने तरिका।',
    url: 'https://www.nhrcnepal.org/',
    language: 'ne',
    tags: ['nhri'],
    countries: ['NP'],
  },
] as const;

/** Adds the demo resources that are missing, as added by the demo admin; returns how many. */
export async function seedDemoResources(tx: EntityManager, adminEmail: string): Promise<number> {
  const [admin] = await tx.query(`SELECT id FROM app_user WHERE email = $1`, [adminEmail]);
  let created = 0;
  // Oldest first, a minute apart, so the library lists them in this order, newest first.
  const start = Date.now() - DEMO_RESOURCES.length * 60_000;
  for (const [i, r] of DEMO_RESOURCES.entries()) {
    if ((await tx.query(`SELECT 1 FROM resource WHERE title = $1`, [r.title])).length) continue;
    await tx.query(
      `INSERT INTO resource (title, description, description_html, kind, url, language, tags, countries, status, added_by, created_at, updated_at)
       VALUES ($1, $2, $3, 'LINK', $4, $5, $6, $7, 'PUBLISHED', $8, $9, $9)`,
      [r.title, r.description, renderMarkdown(r.description), r.url, r.language, [...r.tags], [...r.countries], admin?.id ?? null, new Date(start + i * 60_000)],
    );
    created++;
  }
  return created;
}
