import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A course's outline version: a number that moves whenever its modules, lessons or cover change, by
 * whatever road (the editor, the content import, a cascade, a hand-written UPDATE). Every API process
 * keeps the outlines it has read, keyed by course and version, and every request reads the version with
 * the course row it reads anyway: a change made through one process is seen at once through all.
 */
export class OutlineVersion1765500000000 implements MigrationInterface {
  name = 'OutlineVersion1765500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE course ADD COLUMN outline_version bigint NOT NULL DEFAULT 1`);
    await q.query(`
      CREATE FUNCTION course_outline_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        changed uuid[];
      BEGIN
        IF TG_TABLE_NAME = 'lesson' THEN
          IF TG_OP <> 'INSERT' THEN changed := changed || OLD.module_id; END IF;
          IF TG_OP <> 'DELETE' THEN changed := changed || NEW.module_id; END IF;
          SELECT array_agg(m.course_id) INTO changed FROM course_module m WHERE m.id = ANY (changed);
        ELSE
          IF TG_OP <> 'INSERT' THEN changed := changed || OLD.course_id; END IF;
          IF TG_OP <> 'DELETE' THEN changed := changed || NEW.course_id; END IF;
        END IF;
        UPDATE course SET outline_version = outline_version + 1 WHERE id = ANY (changed);
        RETURN NULL;
      END $$`);
    for (const table of ['course_module', 'lesson', 'course_cover']) {
      await q.query(`
        CREATE TRIGGER ${table}_outline_changed AFTER INSERT OR UPDATE OR DELETE ON ${table}
        FOR EACH ROW EXECUTE FUNCTION course_outline_changed()`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['course_module', 'lesson', 'course_cover']) await q.query(`DROP TRIGGER ${table}_outline_changed ON ${table}`);
    await q.query(`DROP FUNCTION course_outline_changed()`);
    await q.query(`ALTER TABLE course DROP COLUMN outline_version`);
  }
}
