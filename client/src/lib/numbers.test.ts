import { numberInput, parseDecimal, parseNumber } from './numbers';

const read = (text: string, locale: 'de' | 'en' = 'de') => {
  const r = parseNumber(text, locale);
  return r.ok ? r.value : r.reason;
};

describe('parseNumber', () => {
  it('reads German numbers: decimal comma, points in groups of three, spaces, minus signs', () => {
    expect(read('12,50')).toBe(12.5);
    expect(read('1.234,5')).toBe(1234.5);
    expect(read('12.500')).toBe(12500);
    expect(read('1.000.000.000,00')).toBe(1e9);
    expect(read('12 500')).toBe(12500);
    expect(read(',5')).toBe(0.5);
    expect(read('−3,5')).toBe(-3.5);
    expect(read('12,373100')).toBe(12.3731);
  });

  it('does not guess the English decimal point in German: "12.50" is questioned with its reading', () => {
    expect(parseNumber('12.50', 'de')).toEqual({ ok: false, reason: 'WRONG_DECIMAL_MARK', suggestion: 12.5 });
    expect(parseNumber('12.3731', 'de')).toEqual({ ok: false, reason: 'WRONG_DECIMAL_MARK', suggestion: 12.3731 });
    expect(parseDecimal('12.50', 'de')).toBeNull();
  });

  it('reads English numbers and questions a decimal comma there', () => {
    expect(read('1,234.5', 'en')).toBe(1234.5);
    expect(read('12.50', 'en')).toBe(12.5);
    expect(read('12,500', 'en')).toBe(12500);
    expect(parseNumber('12,5', 'en')).toEqual({ ok: false, reason: 'WRONG_DECIMAL_MARK', suggestion: 12.5 });
  });

  it('refuses malformed and empty input', () => {
    for (const bad of ['abc', '1.2.3', '12,', '12,50,3', '1.23,4', '12.50,3', '- ', '1e5']) expect(read(bad)).toBe('FORMAT');
    expect(read('  ')).toBe('EMPTY');
  });

  it('gives the exact decimal string for Decimal inputs', () => {
    const r = parseNumber('1.234.567,89');
    expect(r.ok && r.decimal).toBe('1234567.89');
    const n = parseNumber('-007,5');
    expect(n.ok && n.decimal).toBe('-7.5');
  });
});

describe('numberInput', () => {
  it('writes what the same parser reads back', () => {
    expect(numberInput(12.3731, 'de', 6)).toBe('12,373100');
    expect(parseDecimal(numberInput(51.3397, 'de', 6), 'de')).toBe(51.3397);
    expect(parseDecimal(numberInput(51.3397, 'en', 5), 'en')).toBe(51.3397);
  });
});
