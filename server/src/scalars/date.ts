import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "YYYY-MM-DD" → the Date at UTC midnight, or null when the text is not a real calendar date. */
export function parseIsoDate(text: string): Date | null {
  const match = ISO_DATE.exec(text);
  if (!match) return null;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  // Date.UTC rolls 2024-02-30 over to March: a round trip catches impossible days and months.
  return date.toISOString().slice(0, 10) === text ? date : null;
}

export const isoDate = (date: Date | null | undefined): string | null => (date ? date.toISOString().slice(0, 10) : null);

function invalid(value: unknown): GraphQLError {
  const shown = typeof value === 'string' ? `„${value}“` : 'Der Wert';
  return new GraphQLError(`${shown} ist kein gültiges Datum; bitte als JJJJ-MM-TT angeben (expected a calendar date YYYY-MM-DD).`, {
    extensions: { code: 'BAD_USER_INPUT' },
  });
}

function parse(value: unknown): Date {
  const date = typeof value === 'string' ? parseIsoDate(value) : null;
  if (!date) throw invalid(value);
  return date;
}

/**
 * Calendar dates (Datum) without time or time zone, as ISO 8601 strings "YYYY-MM-DD". Inputs are
 * checked strictly (2024-02-30 is refused) and reach the resolvers as a Date at UTC midnight, which
 * is how PostgreSQL `date` columns arrive through Prisma.
 */
export const DateScalar = new GraphQLScalarType<Date, string>({
  name: 'Date',
  description: 'A calendar date (Datum) as an ISO 8601 string "YYYY-MM-DD", without time or time zone.',
  specifiedByURL: 'https://scalars.graphql.org/andimarek/local-date.html',
  serialize(value) {
    if (value instanceof Date && !Number.isNaN(value.getTime())) return isoDate(value) as string;
    if (typeof value === 'string' && parseIsoDate(value)) return value;
    throw new GraphQLError(`Date cannot represent ${JSON.stringify(value)}`);
  },
  parseValue: parse,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw invalid(undefined);
    return parse(ast.value);
  },
});
