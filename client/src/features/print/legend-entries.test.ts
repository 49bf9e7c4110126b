import assert from 'node:assert/strict';
import { legendEntries, legendUnit } from './legend-entries';
import { GAP_CLASSES } from '../../lib/categorical';
import { NO_DATA_COLOR } from '../../lib/colors';
import type { LegendModel } from '../../app/use-map-layer';
import type { LayerMeta } from '../../lib/layer-values';

const texts = { noData: 'keine Daten', suppressed: 'geheimgehalten', excluded: 'ausgeschlossen', change: 'Veränderung', over: 'über', upTo: 'bis' };
const meta: LayerMeta = { key: 'sgb2_rate', name: 'SGB-II-Quote', nameEn: null, unit: 'PERCENT', polarity: 'HIGHER_IS_WORSE', description: '', attribution: 'Datenquelle: Stadt Leipzig', synthetic: false };

test('the printed legend of an indicator: the same class texts as beside the map, no data and suppressed last', () => {
  const legend: LegendModel = { kind: 'numeric', classification: { min: 0.5, upper: [4, 9.2, 30] } as never, palette: ['#ffffb2', '#fd8d3c', '#bd0026'], counts: [20, 30, 12], noData: 1, suppressed: 0, isChange: false };
  const entries = legendEntries(legend, meta, texts, 'de');
  assert.deepEqual(entries.map((e) => e.swatch), ['#ffffb2', '#fd8d3c', '#bd0026', NO_DATA_COLOR, 'hatch']);
  assert.equal(entries[0]!.label.split(' – ').length, 2);
  assert.match(entries[1]!.label, /^über 4 bis 9,2$/);
  assert.deepEqual(entries.map((e) => e.count), [20, 30, 12, 1, 0]);
  assert.deepEqual(entries.slice(3).map((e) => e.label), ['keine Daten', 'geheimgehalten']);
  assert.equal(legendUnit(legend, meta, texts, 'de'), '%');
  assert.match(legendUnit({ ...legend, isChange: true }, meta, texts, 'de'), /^Veränderung, /);
});

test('the printed legend of the gap layer: most need on top, as beside the map', () => {
  const legend: LegendModel = { kind: 'classes', defs: GAP_CLASSES, labels: ['keine Lücke', 'mäßig', 'hoch', 'kritisch'], counts: [30, 20, 9, 4], excluded: 0, noData: 0, note: '', method: null, excludedEntry: false };
  const entries = legendEntries(legend, meta, texts, 'de');
  assert.deepEqual(entries.map((e) => e.label), ['kritisch', 'hoch', 'mäßig', 'keine Lücke', 'keine Daten']);
  assert.deepEqual(entries.map((e) => e.count), [4, 9, 20, 30, 0]);
  assert.equal(legendUnit(legend, meta, texts, 'de'), '');
});
