import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

/** The instants Kapwa accepts: a course, session or deadline outside these years is a typing mistake. */
export const EARLIEST_INSTANT = new Date('2000-01-01T00:00:00Z');
export const LATEST_INSTANT = new Date('2100-12-31T23:59:59.999Z');

/** RFC 3339 / ISO 8601 with a date, a time and an offset: "2027-02-01T09:00:00+07:00", "2027-02-01T02:00:00Z". */
const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-](\d{2}):(\d{2}))$/i;

function invalid(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });
}

/**
 * Reads an instant strictly: a string in ISO 8601 with its offset, a real calendar date and time
 * ("2027-02-30" is refused rather than becoming 2 March), within 2000–2100. Numbers, dates without a
 * time or an offset, and anything `Date` would guess at are refused.
 */
export function parseInstant(value: unknown): Date {
  if (typeof value !== 'string') throw invalid('Give a date and time as text, such as "2027-02-01T09:00:00+07:00".');
  const match = INSTANT.exec(value);
  if (!match) {
    throw invalid(`"${value.slice(0, 40)}" is not a date and time. Use ISO 8601 with an offset, such as "2027-02-01T09:00:00+07:00".`);
  }
  const [, year, month, day, hour, minute, second = '0', , , offsetHours = '0', offsetMinutes = '0'] = match;
  const fields = [Number(year), Number(month), Number(day), Number(hour), Number(minute), Number(second)];
  const calendar = new Date(Date.UTC(fields[0], fields[1] - 1, fields[2], fields[3], fields[4], fields[5]));
  const real =
    calendar.getUTCFullYear() === fields[0] &&
    calendar.getUTCMonth() === fields[1] - 1 &&
    calendar.getUTCDate() === fields[2] &&
    calendar.getUTCHours() === fields[3] &&
    calendar.getUTCMinutes() === fields[4] &&
    calendar.getUTCSeconds() === fields[5] &&
    Number(offsetHours) <= 14 &&
    Number(offsetMinutes) < 60;
  if (!real) throw invalid(`"${value}" is not a real date and time (check the day of the month, the hour and the offset).`);
  const instant = new Date(value.toUpperCase());
  if (Number.isNaN(instant.getTime())) throw invalid(`"${value}" is not a date and time.`);
  if (instant < EARLIEST_INSTANT || instant > LATEST_INSTANT) throw invalid('Choose a date between the years 2000 and 2100.');
  return instant;
}

/** The `DateTime` scalar of the whole schema: written as ISO 8601 in UTC, read by `parseInstant`. */
export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  description: 'An instant, written in ISO 8601 with its offset (e.g. "2027-02-01T02:00:00.000Z"); years 2000–2100.',
  serialize(value) {
    const date = value instanceof Date ? value : new Date(value as string);
    if (Number.isNaN(date.getTime())) throw new GraphQLError('DateTime cannot represent an invalid date.');
    return date.toISOString();
  },
  parseValue: parseInstant,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw invalid('Give a date and time as text, such as "2027-02-01T09:00:00+07:00".');
    return parseInstant(ast.value);
  },
});

/** How the code-first schema is built, by the API and by `pnpm codegen` alike: dates are this DateTime. */
export const SCHEMA_BUILD_OPTIONS = { scalarsMap: [{ type: Date, scalar: DateTimeScalar }] };
