// The map's style: no basemap and no glyph server by default (nothing is fetched from outside);
// district labels are drawn from a font shipped with the app (Noto Sans, SIL OFL 1.1, via
// MapLibre's `font-faces`). An operator's own basemap (style URL or PMTiles archive) comes from
// the server at run time (/map-config.json, docs/operations.md#a-basemap-of-your-own).
import type { StyleSpecification } from 'maplibre-gl';
import notoLatin from '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2?url';
import notoLatinExt from '@fontsource/noto-sans/files/noto-sans-latin-ext-400-normal.woff2?url';

export const LABEL_FONT = 'Noto Sans Regular';
export const BACKGROUND_COLOR = '#f3f1ec';

export interface BasemapSettings {
  styleUrl: string | null;
  pmtilesUrl: string | null;
  attribution: string | null;
}

/** The two files cover German and every other Latin script (unicode ranges as Fontsource declares them). */
export function fontFaces(base: string): NonNullable<StyleSpecification['font-faces']> {
  const abs = (u: string) => new URL(u, base).href;
  return {
    [LABEL_FONT]: [
      { url: abs(notoLatin), 'unicode-range': ['U+0000-00FF', 'U+0131', 'U+0152-0153', 'U+02BB-02BC', 'U+02C6', 'U+02DA', 'U+02DC', 'U+0304', 'U+0308', 'U+0329', 'U+2000-206F', 'U+20AC', 'U+2122', 'U+2191', 'U+2193', 'U+2212', 'U+2215', 'U+FEFF', 'U+FFFD'] },
      { url: abs(notoLatinExt), 'unicode-range': ['U+0100-02BA', 'U+02BD-02C5', 'U+02C7-02CC', 'U+02CE-02D7', 'U+02DD-02FF', 'U+1D00-1DBF', 'U+1E00-1E9F', 'U+1EF2-1EFF', 'U+2020', 'U+20A0-20AB', 'U+20AD-20C0', 'U+2113', 'U+2C60-2C7F', 'U+A720-A7FF'] },
    ],
  };
}

export function emptyStyle(base: string): StyleSpecification {
  return {
    version: 8,
    sources: {},
    'font-faces': fontFaces(base),
    layers: [{ id: 'background', type: 'background', paint: { 'background-color': BACKGROUND_COLOR } }],
  };
}

/** PMTiles tile types (spec v3): 1 vector (MVT), 2 PNG, 3 JPEG, 4 WebP, 5 AVIF. */
const RASTER_TYPES = new Set([2, 3, 4, 5]);

/**
 * The style with the operator's basemap below our layers. A style URL is used as it is (its
 * sources may name `pmtiles://…` archives); a raster PMTiles archive alone becomes a raster layer.
 * Our font is declared in either case, so the district labels never need the style's glyph server.
 */
export async function basemapStyle(settings: BasemapSettings, base: string): Promise<{ style: StyleSpecification; attribution: string | null }> {
  let pmtilesAttribution: string | null = null;
  let rasterArchive: string | null = null;
  if (settings.pmtilesUrl) {
    const { PMTiles, Protocol } = await import('pmtiles');
    const { addProtocol } = await import('maplibre-gl');
    const url = new URL(settings.pmtilesUrl, base).href;
    const protocol = new Protocol();
    const archive = new PMTiles(url);
    protocol.add(archive);
    addProtocol('pmtiles', protocol.tile);
    const [header, metadata] = await Promise.all([archive.getHeader(), archive.getMetadata().catch(() => null)]);
    pmtilesAttribution = typeof (metadata as { attribution?: unknown } | null)?.attribution === 'string' ? (metadata as { attribution: string }).attribution : null;
    if (RASTER_TYPES.has(header.tileType)) rasterArchive = url;
  }
  if (settings.styleUrl) {
    const response = await fetch(new URL(settings.styleUrl, base).href);
    if (!response.ok) throw new Error(`basemap style: HTTP ${response.status}`);
    const style = (await response.json()) as StyleSpecification;
    const sourceAttribution = Object.values(style.sources ?? {})
      .map((s) => ('attribution' in s ? s.attribution : undefined))
      .find((a): a is string => typeof a === 'string' && a.length > 0);
    return {
      style: { ...style, 'font-faces': { ...(style['font-faces'] ?? {}), ...fontFaces(base) } },
      attribution: settings.attribution ?? sourceAttribution ?? pmtilesAttribution,
    };
  }
  const style = emptyStyle(base);
  if (rasterArchive) {
    style.sources.basemap = { type: 'raster', url: `pmtiles://${rasterArchive}`, tileSize: 256 };
    style.layers.push({ id: 'basemap', type: 'raster', source: 'basemap' });
  }
  return { style, attribution: settings.attribution ?? pmtilesAttribution };
}
