import { readAmount, readCapacity, readFundingYear } from './plausibility';
import { de, en } from './texts';

const NOW = new Date('2026-06-01T12:00:00Z');

describe('plausibility of typed numbers', () => {
  it('refuses 12,5 places or contacts and more hours than a week has; 12,5 hours a week are fine', () => {
    const half = readCapacity('12,5', 'PLACES', 'de', de);
    expect(half.problems).toEqual([{ field: 'svc-capacity', message: 'Plätze werden in ganzen Zahlen gezählt: „12,5“ ist keine ganze Zahl.' }]);
    expect(readCapacity('3,5', 'CONTACTS_PER_YEAR', 'de', de).problems).toHaveLength(1);
    expect(readCapacity('200', 'HOURS_PER_WEEK', 'de', de).problems).toHaveLength(1);
    expect(readCapacity('12,5', 'HOURS_PER_WEEK', 'de', de)).toEqual({ value: 12.5, problems: [], warnings: [] });
    expect(readCapacity('-3', 'PLACES', 'de', de).problems).toHaveLength(1);
  });

  it('reads "1.200" places as twelve hundred in German, and asks about more than 1.000 places', () => {
    const many = readCapacity('1.200', 'PLACES', 'de', de);
    expect(many.value).toBe(1200);
    expect(many.problems).toEqual([]);
    expect(many.warnings.map((w) => w.message)).toEqual(['Kapazität 1.200 Plätze: mehr als 1.000 Plätze hat kaum ein Angebot. Tippfehler (eine Null zu viel)?']);
    expect(readCapacity('60', 'PLACES', 'de', de).warnings).toEqual([]);
  });

  it('asks about "12.50" read as 12,50 € and about 1.000.000.000,00 € for one service', () => {
    const dot = readAmount('12.50', 'de', 'service', de);
    expect(dot.value).toBe('12.50');
    expect(dot.warnings.map((w) => w.message)).toEqual(['„12.50“ wurde als 12,50 € gelesen (der Punkt als Komma). Für Tausender bitte „12.500“ schreiben, für Cent das Komma: „12,50“.']);
    expect(readAmount('12,50', 'de', 'service', de).warnings).toEqual([]);
    expect(readAmount('12.500', 'de', 'service', de)).toEqual({ value: '12500.00', problems: [], warnings: [] });
    const huge = readAmount('1.000.000.000,00', 'de', 'service', de);
    expect(huge.value).toBe('1000000000.00');
    expect(huge.warnings.map((w) => w.message)).toEqual(['1.000.000.000,00 € in einem Jahr ist ungewöhnlich viel für ein einzelnes Angebot (mehr als 5.000.000,00 €). Tippfehler?']);
    // the same amount for a provider's row is still asked about; an English "12,50" as well
    expect(readAmount('1,000,000,000', 'en', 'provider', en).warnings).toHaveLength(1);
    expect(readAmount('12,50', 'en', 'service', en).warnings.map((w) => w.key)).toEqual(['mark:12,50']);
  });

  it('asks about a funding year far ahead (2100), refuses one the API does not accept', () => {
    expect(readFundingYear('2100', de, NOW).warnings.map((w) => w.message)).toEqual([
      'Das Jahr 2100 liegt 74 Jahre in der Zukunft; Förderung wird meist für höchstens drei Jahre im Voraus erfasst.',
    ]);
    expect(readFundingYear('2028', de, NOW)).toEqual({ value: 2028, problems: [], warnings: [] });
    expect(readFundingYear('2101', de, NOW).problems).toEqual([{ field: 'fund-year', message: 'Das Jahr muss zwischen 1990 und 2100 liegen.' }]);
    expect(readFundingYear('25', de, NOW).problems).toHaveLength(1);
  });

  it('keys a warning by its value: another value is asked about again', () => {
    expect(readAmount('12.50', 'de', 'service', de).warnings[0]?.key).not.toBe(readAmount('12.60', 'de', 'service', de).warnings[0]?.key);
  });
});
