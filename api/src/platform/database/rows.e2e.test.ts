import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { organization } from '../../grants/grant-fixtures.js';
import { buildCourse, completeLesson, enroll, signUp, signUpAdmin, signUpTrainer } from '../testing/factories.js';
import { startTestApi, type TestApi } from '../testing/test-app.js';
import { entities } from './entities.js';
import { entityFromRow, selectColumns } from './rows.js';

let api: TestApi;
let db: DataSource;

beforeAll(async () => {
  api = await startTestApi();
  db = api.app.get(DataSource);
  const admin = await signUpAdmin(api);
  const trainer = await signUpTrainer(api, admin);
  const course = await buildCourse(api, trainer, { lessonsPerModule: [2] });
  // A learner in an organization, so a column that is also a relation's key has a value to lose.
  const learner = await signUp(api, { organizationId: await organization(api, admin, 'Commission', 'NP', 'NHRI') });
  await enroll(api, learner, course.id);
  await completeLesson(api, learner, course.modules[0].lessons[0]);
  // Arrays of text with what a PostgreSQL array literal must quote or escape, and an element that is NULL.
  await api.sql(`UPDATE course SET outcomes = ARRAY['Plan a visit, with "care"', '{braces} and \\ a backslash', '', 'NULL', NULL, 'Tagalog: ñ, ✓'], topics = ARRAY['reprisals'] WHERE id = $1`, [
    course.id,
  ]);
});
afterAll(() => api.close());

describe('hand-written reads of whole rows (selectColumns and entityFromRow)', () => {
  it('make each entity exactly as TypeORM reads it, for every table with rows', async () => {
    const compared: string[] = [];
    for (const entity of entities) {
      const metadata = db.getMetadata(entity);
      if (metadata.primaryColumns.length !== 1) continue;
      const repository = db.getRepository(entity);
      const [expected] = await repository.find({ take: 1 });
      if (!expected) continue;
      const key = metadata.primaryColumns[0];
      const [row] = await db.query(`SELECT ${selectColumns(db, entity, 't', 'p__')} FROM ${metadata.tablePath} t WHERE t."${key.databaseName}" = $1`, [
        key.getEntityValue(expected),
      ]);
      expect({ entity: metadata.name, read: entityFromRow(db, entity, row, 'p__') }).toStrictEqual({ entity: metadata.name, read: expected });
      compared.push(metadata.name);
    }
    // Those the API reads this way were compared, not skipped for want of a row.
    expect(compared).toEqual(expect.arrayContaining(['User', 'Course', 'CourseModule', 'Lesson', 'Enrollment']));
  });
});
