import { Kind } from 'graphql';
import { DateScalar, parseIsoDate } from './date';

describe('Date scalar', () => {
  it('reads real calendar dates as UTC midnight and refuses impossible or other formats', () => {
    expect(parseIsoDate('2024-02-29')?.toISOString()).toBe('2024-02-29T00:00:00.000Z');
    for (const text of ['2023-02-29', '2024-02-30', '2024-13-01', '2024-00-10', '24-01-01', '2024-1-1', '2024-01-01T00:00:00Z', '01.02.2024']) {
      expect(parseIsoDate(text)).toBeNull();
    }
    expect(() => DateScalar.parseValue(20240101)).toThrow(/kein gültiges Datum/);
    expect(() => DateScalar.parseLiteral({ kind: Kind.INT, value: '2024' })).toThrow(/JJJJ-MM-TT/);
    expect((DateScalar.parseLiteral({ kind: Kind.STRING, value: '2024-05-22' }) as Date).getTime()).toBe(Date.UTC(2024, 4, 22));
  });

  it('writes Dates and date strings as YYYY-MM-DD and refuses anything else', () => {
    expect(DateScalar.serialize(new Date(Date.UTC(2015, 0, 1)))).toBe('2015-01-01');
    expect(DateScalar.serialize('2015-01-01')).toBe('2015-01-01');
    expect(() => DateScalar.serialize('2015-02-31')).toThrow();
    expect(() => DateScalar.serialize(new Date(Number.NaN))).toThrow();
  });
});
