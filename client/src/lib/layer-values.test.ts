import assert from 'node:assert/strict';
import { byYear, comparePeriod, ranks, shownValues, yearsOf, type AreaValue } from './layer-values';

const rows: AreaValue[] = [
  { areaId: 1, year: 2020, value: 10, status: 'REGULAR' },
  { areaId: 2, year: 2020, value: null, status: 'SUPPRESSED' },
  { areaId: 1, year: 2022, value: 12, status: 'REGULAR' },
  { areaId: 2, year: 2022, value: 8, status: 'REGULAR' },
];

test('one year: values and statuses, missing areas are MISSING', () => {
  const v = shownValues(byYear(rows), [1, 2, 3], 2020, null);
  assert.deepEqual(v.get(1), { value: 10, status: 'REGULAR' });
  assert.deepEqual(v.get(2), { value: null, status: 'SUPPRESSED' });
  assert.deepEqual(v.get(3), { value: null, status: 'MISSING' });
});

test('compare mode: change from the earlier year, suppressed when either is', () => {
  const v = shownValues(byYear(rows), [1, 2], 2022, 2020);
  assert.deepEqual(v.get(1), { value: 2, status: 'REGULAR', from: 10, to: 12 });
  assert.equal(v.get(2)?.status, 'SUPPRESSED');
});

test('rank 1 is most need; ties share a rank; polarity flips', () => {
  const m = new Map<number, number | null>([[1, 5], [2, 9], [3, 9], [4, null]]);
  assert.deepEqual([...ranks(m, 'HIGHER_IS_WORSE')], [[2, 1], [3, 1], [1, 3]]);
  assert.equal(ranks(m, 'HIGHER_IS_BETTER').get(1), 1);
});

test('years are distinct and ascending', () => {
  assert.deepEqual(yearsOf(rows), [2020, 2022]);
});

test('a year comparison always runs from the earlier to the later year, whichever was picked first', () => {
  assert.deepEqual(comparePeriod(2010, 2015), { from: 2010, to: 2015 });
  assert.deepEqual(comparePeriod(2015, 2010), { from: 2010, to: 2015 });
  assert.equal(comparePeriod(2015, null), null);
  assert.equal(comparePeriod(2015, 2015), null);
});
