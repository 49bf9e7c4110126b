import assert from 'node:assert/strict';
import { formatChange, formatEuro, formatNumber, formatValue } from './format';

test('German number format uses decimal comma and thousands dot', () => {
  assert.equal(formatNumber(1234.56, 'de', 1), '1.234,6');
  assert.equal(formatNumber(1234.56, 'en', 1), '1,234.6');
});

test('values carry their unit; counts are whole numbers', () => {
  assert.equal(formatValue(12.34, 'PERCENT'), '12,3 %');
  assert.equal(formatValue(4567.2, 'COUNT'), '4.567');
  assert.equal(formatValue(1520, 'EUR_PER_MONTH'), '1.520 € je Monat');
  assert.equal(formatValue(null, 'PERCENT'), '–');
});

test('changes are signed with a real minus', () => {
  assert.equal(formatChange(-0.5, 'PERCENT'), '−0,5');
  assert.equal(formatChange(2, 'PERCENT'), '+2');
  assert.equal(formatChange(0, 'PERCENT'), '±0');
});

test('euro amounts', () => {
  assert.equal(formatEuro(12500).replace(/\s/g, ' '), '12.500 €');
});

test('decimals typed by German and English users', async () => {
  const { parseDecimal } = await import('./format');
  assert.equal(parseDecimal('12,5'), 12.5);
  assert.equal(parseDecimal('12.29150'), 12.2915);
  assert.equal(parseDecimal('1.234,5'), 1234.5);
  assert.equal(parseDecimal('1,234.5', 'en'), 1234.5);
  assert.equal(parseDecimal(''), null);
  assert.equal(parseDecimal('abc'), null);
});
