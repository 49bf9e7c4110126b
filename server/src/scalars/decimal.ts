import Decimal from 'decimal.js';
import { GraphQLScalarType, Kind } from 'graphql';

/**
 * Exact decimal numbers for money (EUR), sent as strings ("12345.67") so no client turns them into
 * binary floats by accident. Accepts strings and, on input, JSON numbers.
 */
export const DecimalScalar = new GraphQLScalarType({
  name: 'Decimal',
  description: 'An exact decimal number as a string, e.g. "12345.67"; used for money in EUR (Betrag).',
  serialize(value) {
    if (value === null || value === undefined) return null;
    return new Decimal(value as Decimal.Value).toFixed();
  },
  parseValue(value) {
    if (typeof value !== 'string' && typeof value !== 'number') throw new TypeError('Decimal must be a string');
    const decimal = new Decimal(value);
    if (!decimal.isFinite()) throw new TypeError('Decimal must be finite');
    return decimal;
  },
  parseLiteral(ast) {
    if (ast.kind === Kind.STRING || ast.kind === Kind.INT || ast.kind === Kind.FLOAT) return new Decimal(ast.value);
    throw new TypeError('Decimal must be a string');
  },
});
