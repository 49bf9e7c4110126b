import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatMoney, moneyInput, parseMoney } from './money';

const value = (text: string, locale: 'de' | 'en' = 'de') => {
  const r = parseMoney(text, locale);
  return r.ok ? r.value : r.reason;
};

test('German amounts: thousands dot, decimal comma, euro sign, spaces', () => {
  assert.equal(value('12.500,50'), '12500.50');
  assert.equal(value('12500,5'), '12500.50');
  assert.equal(value('1.234.567,89 €'), '1234567.89');
  assert.equal(value('12 500'), '12500.00');
  assert.equal(value('12.500'), '12500.00', 'a point before three digits groups thousands');
  assert.equal(value('12.50'), '12.50', 'a lone point before cents is a decimal point');
  assert.equal(value(',5'), '0.50');
  assert.equal(value('007'), '7.00');
});

test('English amounts: thousands comma, decimal point', () => {
  assert.equal(value('12,500.50', 'en'), '12500.50');
  assert.equal(value('€12,500', 'en'), '12500.00');
  assert.equal(value('12,50', 'en'), '12.50');
});

test('refused: more than two decimals, negative, malformed, empty', () => {
  assert.equal(value('12,505'), 'CENTS');
  assert.equal(value('-5'), 'NEGATIVE');
  assert.equal(value('12.50,3'), 'FORMAT');
  assert.equal(value('1.2.3'), 'FORMAT');
  assert.equal(value('zwölf'), 'FORMAT');
  assert.equal(value('12,'), 'FORMAT');
  assert.equal(value('  '), 'EMPTY');
});

test('formatting is exact, without floats', () => {
  assert.equal(formatMoney('12500.5'), '12.500,50 €');
  assert.equal(formatMoney('999999999999.99'), '999.999.999.999,99 €');
  assert.equal(formatMoney('12500.50', 'en'), '€12,500.50');
  assert.equal(moneyInput('12500.50'), '12.500,50');
  assert.equal(value(moneyInput('356500.00')), '356500.00', 'what the form shows reads back unchanged');
});
