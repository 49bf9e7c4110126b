// A scale bar for printed maps and images: a round distance (1, 2 or 5 × 10ⁿ m) that fits.

/** Metres per CSS pixel of a Web-Mercator map at a latitude and zoom (512-px tiles, as MapLibre). */
export function metresPerPixel(latitude: number, zoom: number): number {
  return (40075016.686 * Math.cos((latitude * Math.PI) / 180)) / (512 * 2 ** zoom);
}

/** The longest round distance not longer than `maxPx` pixels, its length in pixels, and its label. */
export function scaleBar(mPerPx: number, maxPx: number, locale: 'de' | 'en' = 'de'): { px: number; metres: number; label: string } {
  const maxM = mPerPx * maxPx;
  const pow = 10 ** Math.floor(Math.log10(maxM));
  const step = [5, 2, 1].find((s) => s * pow <= maxM) ?? 1;
  const metres = step * pow;
  const label = metres >= 1000 ? `${(metres / 1000).toLocaleString(locale === 'en' ? 'en-GB' : 'de-DE')} km` : `${metres.toLocaleString(locale === 'en' ? 'en-GB' : 'de-DE')} m`;
  return { px: metres / mPerPx, metres, label };
}
