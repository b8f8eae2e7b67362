import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The community's resource library: links and files (a media asset uploaded through /uploads) with a
 * title, a Markdown description (kept with its sanitized HTML), a language, tags and countries. Admins
 * and trainers add PUBLISHED resources; members suggest (SUGGESTED) and admins approve or decline
 * (REJECTED, with a reason). Search: a generated `simple` tsvector over title, description and tags with a
 * GIN index, and a trigram index for scripts written without spaces (Thai, Burmese...), as the forum does.
 * A file resource lives as long as its file (ON DELETE CASCADE: an erased account's uploads go with it).
 */
export class Resources1765410000000 implements MigrationInterface {
  name = 'Resources1765410000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    // array_to_string is only STABLE in general (element output functions); for text[] it cannot change.
    await q.query(`CREATE FUNCTION kapwa_tags_text(text[]) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT array_to_string($1, ' ') $$`);
    await q.query(`
      CREATE TABLE resource (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        title varchar(200) NOT NULL,
        description text NOT NULL,
        description_html text NOT NULL,
        kind varchar(8) NOT NULL CHECK (kind IN ('LINK', 'FILE')),
        url text,
        media_asset_id uuid REFERENCES media_asset (id) ON DELETE CASCADE,
        language varchar(35) NOT NULL,
        tags text[] NOT NULL DEFAULT '{}',
        countries varchar(2)[] NOT NULL DEFAULT '{}',
        status varchar(10) NOT NULL CHECK (status IN ('PUBLISHED', 'SUGGESTED', 'REJECTED')),
        added_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
        reviewed_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
        reviewed_at timestamptz,
        review_reason text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        search tsvector GENERATED ALWAYS AS (to_tsvector('simple', title || ' ' || description || ' ' || kapwa_tags_text(tags))) STORED,
        CHECK ((kind = 'LINK') = (url IS NOT NULL)),
        CHECK ((kind = 'FILE') = (media_asset_id IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX resource_page ON resource (status, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX resource_added_by ON resource (added_by)`);
    await q.query(`CREATE UNIQUE INDEX resource_media ON resource (media_asset_id) WHERE media_asset_id IS NOT NULL`);
    await q.query(`CREATE INDEX resource_tags ON resource USING gin (tags)`);
    await q.query(`CREATE INDEX resource_countries ON resource USING gin (countries)`);
    await q.query(`CREATE INDEX resource_search ON resource USING gin (search)`);
    await q.query(`CREATE INDEX resource_text_trgm ON resource USING gin ((title || ' ' || description) gin_trgm_ops)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE resource`);
    await q.query(`DROP FUNCTION kapwa_tags_text(text[])`);
  }
}
