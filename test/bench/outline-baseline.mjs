// The baseline for the course outline: the minimal SQL for the same JSON (two statements, sent at once on a
// pool as large as the API's) behind a bare node:http handler, in a process of its own. At /prepared the
// same two statements are named prepared statements (parsed and planned once per connection), as the
// API's own hot statements are: the strongest baseline.
// Started by course-outline.mjs: `node outline-baseline.mjs` with DATABASE_URL, PORT, SLUG and USER_ID set.
// Unlike the API it checks no token: it knows its one viewer.
import { createServer } from 'node:http';
import pg from 'pg';

const { DATABASE_URL, PORT, SLUG, USER_ID } = process.env;
const pool = new pg.Pool({ connectionString: DATABASE_URL, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });

const STRUCTURE = `SELECT c.id, c.slug, c.title, m.id AS module_id, m.position AS module_position, m.title AS module_title, m.part, m.opens_at,
         l.id AS lesson_id, l.position AS lesson_position, l.title AS lesson_title, l.estimated_minutes
  FROM course c JOIN course_module m ON m.course_id = c.id LEFT JOIN lesson l ON l.module_id = m.id
  WHERE c.slug = $1 ORDER BY m.position, l.position`;
// The bench's learner has no graded work, so what they have done is their completed lessons.
const VIEWER = `SELECT e.status, array(SELECT lc.lesson_id FROM lesson_completion lc WHERE lc.enrollment_id = e.id) AS done,
         (SELECT count(*) FROM assignment a WHERE a.course_id = c.id AND a.required)::int AS required_assignments
  FROM course c JOIN enrollment e ON e.course_id = c.id AND e.user_id = $2 WHERE c.slug = $1`;

function outline(rows, enrollment, now) {
  if (!rows.length) return { data: { course: null } };
  const done = new Set(enrollment?.done ?? []);
  const modules = [];
  let lessons = 0;
  for (const row of rows) {
    let module = modules.at(-1);
    if (module?.id !== row.module_id) {
      module = {
        id: row.module_id,
        position: row.module_position,
        title: row.module_title,
        part: row.part,
        opensAt: row.opens_at,
        locked: row.opens_at !== null && row.opens_at.getTime() > now,
        lessons: [],
      };
      modules.push(module);
    }
    if (row.lesson_id === null) continue;
    lessons++;
    module.lessons.push({ id: row.lesson_id, position: row.lesson_position, title: row.lesson_title, estimatedMinutes: row.estimated_minutes, completed: done.has(row.lesson_id) });
  }
  const work = lessons + (enrollment?.required_assignments ?? 0);
  const { id, slug, title } = rows[0];
  return {
    data: {
      course: { id, slug, title, modules, myEnrollment: enrollment ? { status: enrollment.status, progress: work ? done.size / work : 0 } : null },
    },
  };
}

const server = createServer(async (req, res) => {
  try {
    const prepared = req.url === '/prepared';
    const [{ rows }, { rows: [enrollment] }] = await Promise.all([
      pool.query({ name: prepared ? 'structure' : undefined, text: STRUCTURE, values: [SLUG] }),
      pool.query({ name: prepared ? 'viewer' : undefined, text: VIEWER, values: [SLUG, USER_ID] }),
    ]);
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(outline(rows, enrollment, Date.now())));
  } catch (error) {
    res.writeHead(500).end(String(error));
  }
});
server.keepAliveTimeout = 60_000;
server.listen(Number(PORT), '127.0.0.1', () => console.log(`baseline listening on ${PORT}`));
process.on('SIGTERM', () => server.close(() => pool.end().then(() => process.exit(0))));
