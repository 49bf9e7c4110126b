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

test('negative numbers have the same real minus as the signed changes', () => {
  assert.equal(formatNumber(-3.5, 'de'), '−3,5');
  assert.equal(formatValue(-2, 'PERCENT'), '−2 %');
  assert.equal(formatChange(-3.5, 'PERCENT')[0], formatNumber(-3.5)[0]);
});

test('a change of a percentage is in percentage points, singular for exactly one', async () => {
  const { changeUnitLabel } = await import('./format');
  assert.equal(formatChange(-7, 'PERCENT', 'de', true), '−7 Prozentpunkte');
  assert.equal(formatChange(1, 'PERCENT', 'de', true), '+1 Prozentpunkt');
  assert.equal(formatChange(1.04, 'PERCENT', 'de', true), '+1 Prozentpunkt');
  assert.equal(formatChange(-1.5, 'PERCENT', 'en', true), '−1.5 percentage points');
  assert.equal(formatChange(25, 'EUR_PER_MONTH', 'de', true), '+25 € je Monat');
  assert.equal(formatChange(-7, 'COUNT', 'de', true), '−7');
  assert.equal(changeUnitLabel('PERCENT', 'de'), 'Prozentpunkte');
  assert.equal(changeUnitLabel('PER_KM2', 'de'), 'je km²');
});

test('a source line does not say "Quelle: Datenquelle: …"', async () => {
  const { sourceLine } = await import('./format');
  assert.equal(sourceLine('Datenquelle: Stadt Leipzig', 'Quelle'), 'Datenquelle: Stadt Leipzig');
  assert.equal(sourceLine('Demo-Daten (synthetisch) — erfunden', 'Quelle'), 'Demo-Daten (synthetisch) — erfunden');
  assert.equal(sourceLine('Stadt Leipzig', 'Quelle'), 'Quelle: Stadt Leipzig');
});

test('localName: the English name in English mode where there is one', async () => {
  const { localName } = await import('./format');
  assert.equal(localName({ name: 'Kita', nameEn: 'Day care' }, 'en'), 'Day care');
  assert.equal(localName({ name: 'Kita', nameEn: 'Day care' }, 'de'), 'Kita');
  assert.equal(localName({ name: 'Kita', nameEn: null }, 'en'), 'Kita');
});
