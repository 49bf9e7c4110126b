import assert from 'node:assert/strict';
import { classLayer, classNames, EXCLUDED_COLOR, GAP_CLASSES, NEED_CLASSES, withScenario, type ClassRow } from './categorical';
import { NO_DATA_COLOR, contrastRatio } from './colors';

// as the API lists them (needIndex.statusClasses, gaps.classes)
const NEED_NAMES = classNames([{ key: 'HIGH', de: 'geringer Bedarf', en: 'low need' }, { key: 'VERY_LOW', de: 'sehr hoher Bedarf', en: 'very high need' }], 'de');
const GAP_API = [{ key: 'NONE', de: 'keine Lücke', en: 'no gap' }, { key: 'MODERATE', de: 'mäßig', en: 'moderate' }, { key: 'CRITICAL', de: 'kritisch', en: 'critical' }];

const row = (areaId: number, classKey: string | null, extra: Partial<ClassRow> = {}): ClassRow => ({ areaId, classKey, label: null, value: null, rank: null, excluded: false, reason: null, ...extra });

test('need classes: colours per class, counts, API labels win, excluded and missing apart', () => {
  const rows = [row(1, 'VERY_LOW', { label: 'sehr hoher Bedarf (API)' }), row(2, 'MEDIUM'), row(3, 'MEDIUM'), row(4, null, { excluded: true, reason: 'BELOW_MIN_POPULATION' })];
  const l = classLayer(rows, NEED_CLASSES, [1, 2, 3, 4, 5], NEED_NAMES);
  assert.deepEqual(l.counts, [0, 2, 0, 1]);
  assert.equal(l.labels[3], 'sehr hoher Bedarf (API)');
  assert.equal(l.labels[0], 'geringer Bedarf');
  assert.equal(l.paint.get(1)?.color, '#e31a1c');
  assert.deepEqual(l.paint.get(4), { color: EXCLUDED_COLOR, status: 'EXCLUDED' });
  assert.deepEqual(l.paint.get(5), { color: NO_DATA_COLOR, status: 'MISSING' });
  assert.equal(l.excluded, 1);
  assert.equal(l.noData, 1);
});

test('class names come from the API in the chosen language, also for empty classes', () => {
  assert.equal(classLayer([], GAP_CLASSES, [], classNames(GAP_API, 'en')).labels[3], 'critical');
  assert.equal(classLayer([], GAP_CLASSES, [], classNames(GAP_API, 'de')).labels[1], 'mäßig');
  // a class the API did not name shows its key, never a name written in the client
  assert.equal(classLayer([], GAP_CLASSES, [], classNames(GAP_API, 'de')).labels[2], 'HIGH');
});

test('palettes: four distinct colours each, getting darker towards more need', () => {
  for (const defs of [NEED_CLASSES, GAP_CLASSES]) {
    assert.equal(new Set(defs.map((d) => d.color)).size, 4);
    for (let i = 1; i < defs.length; i++) assert.ok(contrastRatio(defs[i].color, '#ffffff') > contrastRatio(defs[i - 1].color, '#ffffff'));
  }
});

test('a scenario changes only the listed areas', () => {
  const rows = [row(1, 'HIGH', { label: 'hoch: lang' }), row(2, 'NONE'), row(3, 'MODERATE', { label: 'mäßig: lang' })];
  const after = withScenario(rows, [{ areaId: 1, afterClass: 'MODERATE' }, { areaId: 2, afterClass: 'NONE' }], classNames(GAP_API, 'de'));
  assert.equal(after[0].classKey, 'MODERATE');
  assert.equal(after[0].label, 'mäßig: lang');
  assert.equal(after[1], rows[1]);
  assert.equal(after[2], rows[2]);
  const scored = withScenario([row(1, 'HIGH', { value: 1.2 })], [{ areaId: 1, afterClass: 'HIGH', afterScore: 0.9 }], classNames(GAP_API, 'de'));
  assert.equal(scored[0].value, 0.9);
});
