import type { DataSource, EntityMetadata, EntityTarget, ObjectLiteral, ValueTransformer } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata.js';

/**
 * Hand-written SQL that reads several tables in one statement, with TypeORM's entities still the one
 * description of each table: `selectColumns` writes an entity's columns into a SELECT list under a
 * prefix, and `entityFromRow` makes the entity back from them (property names, value transformers).
 * For hot paths where one statement must carry what TypeORM would read in several.
 */
export function selectColumns(db: DataSource, entity: EntityTarget<ObjectLiteral>, alias: string, prefix: string, { except = [] as string[] } = {}): string {
  return db
    .getMetadata(entity)
    .columns.filter((column) => column.isSelect && !column.isVirtual && !except.includes(column.propertyName))
    .map((column) => `${readAs(column, `${alias}."${column.databaseName}"`)} AS "${prefix}${column.databaseName}"`)
    .join(', ');
}

/** Arrays of text are read as JSON: the driver parses JSON natively, a PostgreSQL array literal character by character. */
const TEXT_TYPES = new Set(['text', 'varchar', 'character varying', 'uuid']);

function readAs(column: ColumnMetadata, expression: string): string {
  return column.isArray && typeof column.type === 'string' && TEXT_TYPES.has(column.type) ? `to_json(${expression})` : expression;
}

/** The entity whose columns `selectColumns` put in `row` under `prefix`; null when its primary key is null (an outer join found none). */
export function entityFromRow<T extends ObjectLiteral>(db: DataSource, entity: EntityTarget<T>, row: Record<string, unknown>, prefix: string): T | null {
  const { metadata, keys, columns } = rowReader(db, entity, prefix);
  for (const key of keys) if (row[key] == null) return null;
  const target = metadata.create() as Record<string, unknown>;
  for (const { key, property, transformers } of columns) {
    if (!(key in row)) continue;
    let value = row[key];
    for (let i = transformers.length - 1; i >= 0; i--) value = transformers[i].from(value);
    target[property] = value;
  }
  return target as T;
}

interface RowReader {
  metadata: EntityMetadata;
  /** The primary key's columns in the row. */
  keys: string[];
  columns: { key: string; property: string; transformers: ValueTransformer[] }[];
}

/** How to read one entity under one prefix, worked out once: these reads run on every request. */
const rowReaders = new WeakMap<EntityMetadata, Map<string, RowReader>>();

function rowReader(db: DataSource, entity: EntityTarget<ObjectLiteral>, prefix: string): RowReader {
  const metadata = db.getMetadata(entity);
  let byPrefix = rowReaders.get(metadata);
  if (!byPrefix) rowReaders.set(metadata, (byPrefix = new Map()));
  let reader = byPrefix.get(prefix);
  if (!reader) {
    reader = {
      metadata,
      keys: metadata.primaryColumns.map((column) => `${prefix}${column.databaseName}`),
      columns: metadata.columns
        .filter((column) => !column.isVirtual)
        .map((column) => ({
          key: `${prefix}${column.databaseName}`,
          property: column.propertyName,
          transformers: column.transformer ? [column.transformer].flat() : [],
        })),
    };
    byPrefix.set(prefix, reader);
  }
  return reader;
}
