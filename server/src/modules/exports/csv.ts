import { stringify } from 'csv-stringify/sync';

/**
 * The one CSV writer of the product: every /export file, and the map's downloads (which call /export).
 * Two dialects: RFC 4180 (comma, decimal point; R, Python, QGIS) and German Excel (`variant=excel`:
 * semicolon, decimal comma, UTF-8 byte-order mark, CRLF), which opens with umlauts intact.
 */

/** A key that must stay text: official area codes ("00", "01"), postal codes ("04109"). */
export interface CodeCell {
  code: string;
}
export type Cell = string | number | null | undefined | CodeCell;

export const code = (text: string | null | undefined): CodeCell | null => (text === null || text === undefined ? null : { code: text });

/**
 * CSV injection (OWASP): a text cell that starts with = + - @ or a tab / carriage return is read by
 * Excel and LibreOffice as a formula (`=HYPERLINK(…)`). Such cells get a leading apostrophe, which
 * spreadsheets show as text and R/Python keep visibly. Plain numbers ("-3", "-1,5") stay numbers.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?\d+([.,]\d+)?$/;

export function neutralizeCell(text: string): string {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

/**
 * Excel turns a cell "00" into the number 0 and "04109" into 4109. For Excel, a code of digits is
 * written as the constant text formula ="00", the only form Excel keeps as text when it opens a CSV.
 * This is no injection: we write it only for codes of digits, never for text from users, which
 * neutralizeCell still guards.
 */
function codeCell(text: string, excel: boolean): string {
  if (excel && /^\d+$/.test(text)) return `="${text}"`;
  return neutralizeCell(text);
}

function cell(value: Cell, excel: boolean): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return '';
    return excel ? String(value).replace('.', ',') : String(value);
  }
  if (typeof value === 'object') return codeCell(value.code, excel);
  return neutralizeCell(value);
}

export function toCsv(header: string[], rows: Cell[][], excel: boolean): string {
  const lines = [header, ...rows].map((row) => row.map((c) => cell(c, excel)));
  const csv = stringify(lines, { delimiter: excel ? ';' : ',', record_delimiter: excel ? 'windows' : 'unix' });
  return excel ? `\uFEFF${csv}` : csv;
}
