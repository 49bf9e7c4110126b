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

test('text cells that a spreadsheet would run as a formula are neutralised, numbers are not', () => {
  const csv = toCsv(['name'], [['=HYPERLINK("http://evil.example","Klick")'], ['+1+1'], ['-2+3'], ['@SUM(A1)'], ['\tTab'], ['\rCR'], ['-3'], ['Grünau'], [-1.5]]);
  assert.equal(csv, `name\n"'=HYPERLINK(""http://evil.example"",""Klick"")"\n'+1+1\n'-2+3\n'@SUM(A1)\n'\tTab\n"'\rCR"\n-3\nGrünau\n-1.5\n`);
  assert.equal(toCsv(['n'], [['=1+1']], 'excel'), "\uFEFFn\r\n'=1+1\r\n");
});
