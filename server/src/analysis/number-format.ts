/**
 * Number formatting for the analyses' sentences. `x.toLocaleString(locale, options)` builds a new
 * Intl.NumberFormat on every call (tens of microseconds; seconds for the sentences of 10,000 areas):
 * the formatters are built once per locale and options, with the same output.
 */
const formatters = new Map<string, Intl.NumberFormat>();

export function formatNumber(x: number, locale: 'de-DE' | 'en-GB', options: Intl.NumberFormatOptions): string {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) formatters.set(key, (f = new Intl.NumberFormat(locale, options)));
  return f.format(x);
}
