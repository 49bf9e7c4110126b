import assert from 'node:assert/strict';
import { contrastRatio, luminance, paletteFor } from './colors';

test('darker means worse: higher-is-better reverses the palette', () => {
  const worse = paletteFor(5, 'HIGHER_IS_WORSE');
  const better = paletteFor(5, 'HIGHER_IS_BETTER');
  assert.deepEqual(better, [...worse].reverse());
  assert.ok(luminance(worse[0]) > luminance(worse[4]), 'the highest class is the darkest');
});

test('palettes have as many colours as classes, clamped to 1–7', () => {
  for (let n = 1; n <= 7; n++) assert.equal(paletteFor(n, 'NEUTRAL').length, n);
  assert.equal(paletteFor(12, 'NEUTRAL').length, 7);
});

test('contrast ratio follows WCAG (black on white is 21:1)', () => {
  assert.equal(Math.round(contrastRatio('#000000', '#ffffff')), 21);
});
