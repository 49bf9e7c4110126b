/**
 * Number formatting for the analyses' sentences. `x.toLocaleString(locale, options)` builds a new
 * Intl.NumberFormat on every call (tens of microseconds; seconds for the sentences of 10,000 areas),
 * and so did looking a formatter up by its options (JSON of the options per number: ≈ 0.2 s for the
 * early warnings of 10,000 areas): each formatter is built once, where it is declared, with the same output.
 */
export function numberFormat(locale: 'de-DE' | 'en-GB', options: Intl.NumberFormatOptions): (x: number) => string {
  const formatter = new Intl.NumberFormat(locale, options);
  return (x) => formatter.format(x);
}
