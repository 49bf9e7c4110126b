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
    // At least two decimals, so amounts in EUR always show cents ("356500.00"); never rounded.
    const decimal = new Decimal(value as Decimal.Value);
    return decimal.decimalPlaces() < 2 ? decimal.toFixed(2) : decimal.toFixed();
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
