/**
 * CSV injection (OWASP): a text cell that starts with = + - @ or a tab / carriage return is read by
 * Excel and LibreOffice as a formula (`=HYPERLINK(…)`). Such cells get a leading apostrophe, which
 * spreadsheets show as text and R/Python keep visibly. Plain numbers ("-3", "-1,5") stay numbers.
 * The map client applies the same rule to its own downloads (client/src/lib/csv.ts, `neutralizeCell`).
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?\d+([.,]\d+)?$/;

export function neutralizeCell(text: string): string {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}
