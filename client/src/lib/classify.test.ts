import assert from 'node:assert/strict';
import { classify, classOf, equalBreaks, parseManualBreaks, quantileBreaks } from './classify';

test('equal intervals split the range into k classes of the same width', () => {
  assert.deepEqual(equalBreaks(0, 10, 5), [2, 4, 6, 8]);
  assert.deepEqual(classify([0, 10, 3], 'equal', 5)?.upper, [2, 4, 6, 8, 10]);
});

test('quantiles put the same number of areas in each class', () => {
  const v = [1, 2, 3, 4, 5, 6, 7, 8];
  assert.deepEqual(quantileBreaks(v, 4), [2.75, 4.5, 6.25]);
  const c = classify(v, 'quantile', 4)!;
  const counts = [0, 0, 0, 0];
  v.forEach((x) => counts[classOf(c, x)!]++);
  assert.deepEqual(counts, [2, 2, 2, 2]);
});

test('natural breaks find obvious clusters', () => {
  const c = classify([1, 2, 2, 3, 10, 11, 12, 30, 31], 'jenks', 3)!;
  assert.deepEqual(c.upper, [3, 12, 31]);
});

test('ties and constant data do not create empty classes', () => {
  assert.deepEqual(classify([5, 5, 5], 'quantile', 5)?.upper, [5]);
  assert.deepEqual(classify([1, 1, 1, 1, 9], 'quantile', 4)?.upper, [1, 9]);
});

test('missing values are ignored and get no class', () => {
  const c = classify([null, 1, undefined, 3, NaN], 'equal', 2)!;
  assert.deepEqual(c.upper, [2, 3]);
  assert.equal(classOf(c, null), null);
  assert.equal(classOf(c, 2), 0, 'upper bound is inclusive');
  assert.equal(classOf(c, 2.01), 1);
});

test('manual breaks accept German decimal commas and keep the maximum', () => {
  assert.deepEqual(parseManualBreaks('10; 20,5 5 1.000'), [5, 10, 20.5, 1000]);
  assert.deepEqual(parseManualBreaks('20.5; 1,000', 'en'), [20.5, 1000]);
  assert.deepEqual(classify([1, 30], 'manual', 5, [10, 20])?.upper, [10, 20, 30]);
  assert.equal(classify([], 'equal', 5), null);
});
