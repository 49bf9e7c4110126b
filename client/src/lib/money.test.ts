import { formatMoney, moneyInput, parseMoney } from './money';

const value = (text: string, locale: 'de' | 'en' = 'de') => {
  const r = parseMoney(text, locale);
  return r.ok ? r.value : r.reason;
};

describe('parseMoney', () => {
  it('reads German amounts: thousands dot, decimal comma, euro sign, spaces', () => {
    expect(value('12.500,50')).toBe('12500.50');
    expect(value('12500,5')).toBe('12500.50');
    expect(value('1.234.567,89 €')).toBe('1234567.89');
    expect(value('12 500')).toBe('12500.00');
    expect(value(',5')).toBe('0.50');
    expect(value('007')).toBe('7.00');
  });

  it('takes a point before three digits as thousands and questions a lone point before cents', () => {
    expect(value('12.500')).toBe('12500.00');
    expect(parseMoney('12.50')).toEqual({ ok: false, reason: 'WRONG_DECIMAL_MARK', suggestion: 12.5 });
  });

  it('reads English amounts: thousands comma, decimal point', () => {
    expect(value('12,500.50', 'en')).toBe('12500.50');
    expect(value('€12,500', 'en')).toBe('12500.00');
    expect(value('12,50', 'en')).toBe('WRONG_DECIMAL_MARK');
  });

  it('refuses more than two decimals, negative, malformed and empty amounts', () => {
    expect(value('12,505')).toBe('CENTS');
    expect(value('-5')).toBe('NEGATIVE');
    expect(value('−5,00')).toBe('NEGATIVE');
    expect(value('12.50,3')).toBe('FORMAT');
    expect(value('1.2.3')).toBe('FORMAT');
    expect(value('zwölf')).toBe('FORMAT');
    expect(value('12,')).toBe('FORMAT');
    expect(value('  ')).toBe('EMPTY');
  });
});

describe('formatMoney and moneyInput', () => {
  it('format exactly, without floats', () => {
    expect(formatMoney('12500.5')).toBe('12.500,50 €');
    expect(formatMoney('999999999999.99')).toBe('999.999.999.999,99 €');
    expect(formatMoney('12500.50', 'en')).toBe('€12,500.50');
    expect(moneyInput('12500.50')).toBe('12.500,50');
  });

  it('gives what the form shows, which reads back unchanged', () => {
    expect(value(moneyInput('356500.00'))).toBe('356500.00');
  });
});
