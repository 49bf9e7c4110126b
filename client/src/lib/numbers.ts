// The one parser for numbers people type (capacities, coordinates, amounts, scenario inputs).
// German: decimal comma, points only as thousands separators in groups of three ("1.234,5").
// English: decimal point, commas only in groups of three ("1,234.5"). A decimal mark of the other
// language ("12.50" in German) is not guessed: it is refused with the reading it would have, so
// the form can ask "Meinten Sie 12,50?" instead of saving a number the planner did not mean.
import type { Locale } from './format';

export type NumberProblem = 'EMPTY' | 'FORMAT' | 'WRONG_DECIMAL_MARK';

export type NumberParse =
  | {
      ok: true;
      value: number;
      /** The same number as an exact decimal string ("-12500.5"), for Decimal inputs (money). */
      decimal: string;
    }
  | {
      ok: false;
      reason: NumberProblem;
      /** WRONG_DECIMAL_MARK: the number read with the other decimal mark, to put in the question. */
      suggestion?: number;
    };

const MARKS: Record<Locale, { decimal: string; group: string }> = {
  de: { decimal: ',', group: '.' },
  en: { decimal: '.', group: ',' },
};

/** "12500", or grouped in threes with the group mark or a space: "12.500", "12 500". */
function wholePart(text: string, group: string): string | null {
  if (/^\d*$/.test(text)) return text;
  const grouped = new RegExp(`^\\d{1,3}(?:[${group}\\s]\\d{3})+$`);
  return grouped.test(text) ? text.replace(/[.,\s]/g, '') : null;
}

/** Reads a typed number; spaces (also no-break) are ignored as thousands separators. */
export function parseNumber(input: string, locale: Locale = 'de'): NumberParse {
  const s = input.trim().replace(/[\u00a0\u202f]/g, ' ');
  if (!s) return { ok: false, reason: 'EMPTY' };
  const { decimal, group } = MARKS[locale];
  const sign = /^[-−]/.test(s) ? '-' : '';
  const body = s.replace(/^[-−+]\s*/, '');
  const parts = body.split(decimal);
  if (parts.length <= 2) {
    const [whole, fraction] = parts as [string, string?];
    const int = wholePart(whole, group);
    const fractionOk = fraction === undefined || /^\d+$/.test(fraction);
    if (int !== null && fractionOk && (int !== '' || fraction)) {
      const digits = `${int.replace(/^0+(?=\d)/, '') || '0'}${fraction ? `.${fraction}` : ''}`;
      return { ok: true, value: Number(`${sign}${digits}`), decimal: `${sign}${digits}` };
    }
  }
  // one mark of the other language before the decimals: "12.50" in German, "12,5" in English
  const other = new RegExp(`^\\d+\\${group}\\d+$`);
  if (other.test(body)) return { ok: false, reason: 'WRONG_DECIMAL_MARK', suggestion: Number(`${sign}${body.replace(group, '.')}`) };
  return { ok: false, reason: 'FORMAT' };
}

/** The number or null (empty, malformed, or with the other language's decimal mark). */
export function parseDecimal(text: string, locale: Locale = 'de'): number | null {
  const r = parseNumber(text, locale);
  return r.ok ? r.value : null;
}

/** A number as an input field shows it, so that it reads back unchanged: 12.3731 → "12,373100" (de). */
export function numberInput(value: number, locale: Locale = 'de', digits?: number): string {
  const s = digits === undefined ? String(value) : value.toFixed(digits);
  return locale === 'de' ? s.replace('.', ',') : s;
}
