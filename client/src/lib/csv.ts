// CSV and GeoJSON for the downloads of what the map shows. Two CSV dialects: RFC 4180 with comma
// and decimal point (R, Python, QGIS), and the German Excel one (semicolon, decimal comma, UTF-8
// byte-order mark, CRLF) that opens with umlauts intact by double-click.
export type CsvVariant = 'standard' | 'excel';
export type Cell = string | number | null | undefined;

/**
 * CSV injection (OWASP): a text cell starting with = + - @ or a tab / carriage return would be a live
 * formula in Excel; it gets a leading apostrophe. Plain numbers stay as they are. The same rule as
 * the server's /export (server/src/modules/exports/csv-safety.ts).
 */
export function neutralizeCell(text: string): string {
  return /^[=+\-@\t\r]/.test(text) && !/^[+-]?\d+([.,]\d+)?$/.test(text) ? `'${text}` : text;
}

function quote(text: string, delimiter: string): string {
  return /["\r\n]/.test(text) || text.includes(delimiter) ? `"${text.replace(/"/g, '""')}"` : text;
}

function cell(value: Cell, variant: CsvVariant, delimiter: string): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return '';
    const s = String(value);
    return variant === 'excel' ? s.replace('.', ',') : s;
  }
  return quote(neutralizeCell(value), delimiter);
}

export function toCsv(header: string[], rows: Cell[][], variant: CsvVariant = 'standard'): string {
  const delimiter = variant === 'excel' ? ';' : ',';
  const eol = variant === 'excel' ? '\r\n' : '\n';
  const lines = [header, ...rows].map((r) => r.map((c) => cell(c, variant, delimiter)).join(delimiter));
  const body = lines.join(eol) + eol;
  return variant === 'excel' ? `\uFEFF${body}` : body;
}

/** A safe file name part: "Grünau-Mitte" → "gruenau-mitte". */
export function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
