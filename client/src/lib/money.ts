// Money in EUR as exact decimal strings ("12500.50"), the API's Decimal scalar. Never through a
// binary float: a planner's "12.500,50" must arrive as 12500.50, not 12500.499999….
import type { Locale } from './format';
import { parseNumber, type NumberProblem } from './numbers';

export type MoneyParse =
  | { ok: true; value: string }
  | { ok: false; reason: NumberProblem | 'CENTS' | 'NEGATIVE'; suggestion?: number };

/**
 * Reads an amount as people type it, with the one number parser (lib/numbers.ts): German
 * "12.500,50", "12500,5", "12 500 €"; English "12,500.50". "12.50" in German is not read as
 * 12,50 € but refused as WRONG_DECIMAL_MARK with that reading as suggestion. At most two decimals.
 */
export function parseMoney(input: string, locale: Locale = 'de'): MoneyParse {
  const s = input.trim().replace(/\u00a0/g, ' ').replace(/\s*(€|EUR)$/i, '').replace(/^(€|EUR)\s*/i, '').trim();
  const n = parseNumber(s, locale);
  if (!n.ok) return n;
  if (n.value < 0) return { ok: false, reason: 'NEGATIVE' };
  const [int, fraction = ''] = n.decimal.split('.') as [string, string?];
  if (fraction.length > 2) return { ok: false, reason: 'CENTS' };
  return { ok: true, value: `${int}.${fraction.padEnd(2, '0')}` };
}

/** "12500.5" → "12.500,50 €" (German) or "€12,500.50" (English), exactly, without floats. */
export function formatMoney(amount: string, locale: Locale = 'de'): string {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(amount.trim());
  if (!match) return amount;
  const [, sign, int, fraction = ''] = match as unknown as [string, string, string, string | undefined];
  const cents = (fraction ?? '').padEnd(2, '0');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, locale === 'de' ? '.' : ',');
  return locale === 'de' ? `${sign}${grouped},${cents} €` : `${sign}€${grouped}.${cents}`;
}

/** The amount as a German or English input value ("12500.50" → "12.500,50"). */
export function moneyInput(amount: string, locale: Locale = 'de'): string {
  return formatMoney(amount, locale).replace(/\s?€/, '');
}
