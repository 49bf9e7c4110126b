import { axisYears, gapsOf, indexBaseYear, indexed, linePath, niceTicks, runs, yearRanges, yearTicks, type ChartSeries } from './chart-model';

const p = (year: number, value: number | null, status = 'REGULAR', missingReason: string | null = null) => ({ year, value, status, missingReason });
const area: ChartSeries = { key: 'a', label: 'Grünau-Mitte', points: [p(2018, 10), p(2019, 11), p(2020, null, 'SUPPRESSED', 'SUPPRESSED'), p(2021, 12), p(2023, 13)] };
const city: ChartSeries = { key: 'c', label: 'Leipzig', points: [p(2018, 5), p(2019, 5.5), p(2020, 6), p(2021, 6.5), p(2022, 7), p(2023, 7.5)] };

describe('chart model', () => {
  it('the axis has every year of any series; a series breaks at a suppressed year and at a year it lacks, never bridged', () => {
    const years = axisYears([area, city]);
    expect(years).toEqual([2018, 2019, 2020, 2021, 2022, 2023]);
    expect(runs(area, years).map((r) => r.map((q) => q.year))).toEqual([[2018, 2019], [2021], [2023]]);
    expect(runs(city, years)).toHaveLength(1);
    const d = linePath(area, years, (y) => y - 2018, (v) => v);
    expect(d.match(/M/g)).toHaveLength(3);
    expect(d).toBe('M0.0,10.0L1.0,11.0M3.0,12.0M5.0,13.0');
  });

  it('tells suppressed years from missing ones (secondary suppression counts as suppressed)', () => {
    const years = axisYears([area, city]);
    expect(gapsOf(area, years)).toEqual([{ year: 2020, kind: 'SUPPRESSED' }, { year: 2022, kind: 'MISSING' }]);
    const secondary: ChartSeries = { key: 's', label: 's', points: [p(2018, null, 'REGULAR', 'SECONDARY_SUPPRESSION'), p(2019, null)] };
    expect(gapsOf(secondary, [2018, 2019])).toEqual([{ year: 2018, kind: 'SUPPRESSED' }, { year: 2019, kind: 'MISSING' }]);
    expect(yearRanges([2001, 2002, 2003, 2007], [2000, 2001, 2002, 2003, 2004, 2005, 2006, 2007])).toBe('2001–2003, 2007');
  });

  it('indexes counts of different size to a common base year in which every series has a value', () => {
    const small: ChartSeries = { key: 'a', label: 'a', points: [p(2010, null), p(2011, 2000), p(2012, 2100)] };
    const big: ChartSeries = { key: 'c', label: 'c', points: [p(2010, 500000), p(2011, 600000), p(2012, 630000)] };
    const years = axisYears([small, big]);
    expect(indexBaseYear([small, big], years)).toBe(2011);
    const [a, c] = indexed([small, big], 2011);
    expect(a.points.map((q) => q.value)).toEqual([null, 100, 105]);
    expect(c.points.map((q) => q.value)).toEqual([expect.closeTo(83.33, 2), 100, 105]);
    expect(indexBaseYear([small, { key: 'z', label: 'z', points: [p(2011, 0)] }], years)).toBeNull();
  });

  it('round ticks cover the values; year labels thin out but keep first and last', () => {
    expect(niceTicks(3.2, 17.9, 4)).toEqual([0, 5, 10, 15, 20]);
    expect(niceTicks(12.3, 12.3, 4)[0]).toBeLessThan(12.3);
    const ticks = niceTicks(101.2, 104.7, 4);
    expect(ticks[0]).toBeLessThanOrEqual(101.2);
    expect(ticks[ticks.length - 1]).toBeGreaterThanOrEqual(104.7);
    const years = Array.from({ length: 24 }, (_, i) => 2000 + i);
    const labels = yearTicks(years, 7);
    expect(labels[0]).toBe(2000);
    expect(labels[labels.length - 1]).toBe(2023);
    expect(labels.length).toBeLessThanOrEqual(7);
  });
});
