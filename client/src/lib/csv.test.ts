import assert from 'node:assert/strict';
import { slug, toCsv } from './csv';

test('standard CSV: comma, decimal point, quotes where needed, no BOM', () => {
  const csv = toCsv(['name', 'wert'], [['Grünau-Mitte', 12.5], ['A, B', null], ['Sag "Hallo"', 3]]);
  assert.equal(csv, 'name,wert\nGrünau-Mitte,12.5\n"A, B",\n"Sag ""Hallo""",3\n');
});

test('German Excel CSV: BOM, semicolon, decimal comma, CRLF', () => {
  const csv = toCsv(['name', 'wert'], [['Zentrum; Süd', 12.5]], 'excel');
  assert.equal(csv, '\uFEFFname;wert\r\n"Zentrum; Süd";12,5\r\n');
});

test('slug makes file names without umlauts', () => {
  assert.equal(slug('Grünau-Mitte / Straße'), 'gruenau-mitte-strasse');
});
