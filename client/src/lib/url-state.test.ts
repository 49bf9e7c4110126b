import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_VIEW, parseView, serializeView } from './url-state';

test('a view survives the round trip through the address bar', () => {
  const view = { ...DEFAULT_VIEW, indicator: 'unemployment_rate', year: 2020, compareYear: 2015, method: 'jenks' as const, classes: 4, area: 42, camera: [12.37, 51.34, 11.5] as [number, number, number], categories: ['day_care'], lang: 'en' as const };
  assert.deepEqual(parseView(serializeView(view)), view);
});

test('manual breaks are kept', () => {
  const view = { ...DEFAULT_VIEW, method: 'manual' as const, breaks: [5, 10.5] };
  assert.deepEqual(parseView(serializeView(view)).breaks, [5, 10.5]);
});

test('broken parameters fall back to the defaults', () => {
  const v = parseView('?indikator=<script>&jahr=abc&klassen=foo&anzahl=99&karte=500,1,2&gebiet=1.5');
  assert.deepEqual(v, DEFAULT_VIEW);
});
