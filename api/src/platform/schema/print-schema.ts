import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { NestFactory } from '@nestjs/core';
import { GraphQLSchemaBuilderModule, GraphQLSchemaFactory } from '@nestjs/graphql';
import { GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { SCHEMA_BUILD_OPTIONS } from './date-time.scalar.js';
import { resolvers } from './resolvers.js';

/** The schema as clients see it, in the stable order the committed file uses. */
export function printKapwaSchema(schema: GraphQLSchema): string {
  return `# Generated from the API's code by \`pnpm codegen\`. Do not edit.\n\n${printSchema(lexicographicSortSchema(schema))}\n`;
}

async function main() {
  const app = await NestFactory.create(GraphQLSchemaBuilderModule, { logger: false });
  await app.init();
  const schema = await app.get(GraphQLSchemaFactory).create(resolvers, SCHEMA_BUILD_OPTIONS);
  const target = process.argv[2] ?? 'schema.graphql';
  writeFileSync(target, printKapwaSchema(schema));
  await app.close();
  console.log(`kapwa: wrote ${target}`);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
