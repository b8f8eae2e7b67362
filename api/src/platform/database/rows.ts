import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';

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
    .map((column) => `${alias}."${column.databaseName}" AS "${prefix}${column.databaseName}"`)
    .join(', ');
}

/** The entity whose columns `selectColumns` put in `row` under `prefix`; null when its primary key is null (an outer join found none). */
export function entityFromRow<T extends ObjectLiteral>(db: DataSource, entity: EntityTarget<T>, row: Record<string, unknown>, prefix: string): T | null {
  const metadata = db.getMetadata(entity);
  if (metadata.primaryColumns.some((column) => row[`${prefix}${column.databaseName}`] == null)) return null;
  const target = metadata.create() as T;
  for (const column of metadata.columns) {
    if (column.isVirtual) continue;
    const key = `${prefix}${column.databaseName}`;
    if (!(key in row)) continue;
    const value = row[key];
    const transformers = column.transformer ? [column.transformer].flat() : [];
    (target as Record<string, unknown>)[column.propertyName] = transformers.reduceRight((v, transformer) => transformer.from(v), value);
  }
  return target;
}
