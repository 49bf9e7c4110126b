import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { useI18n } from '../../app/i18n';
import type { MapLayerState } from '../../app/use-map-layer';
import { useMapToolTexts } from '../../map/texts';
import { legendEntries, legendUnit } from './legend-entries';
import { metresPerPixel, scaleBar } from './scale';
import type { MapSheet, Orientation } from './sheet';
import { downloadBlob } from '../../lib/download';

interface Props {
  map: MapLibreMap | null;
  layer: MapLayerState;
  /** "Ortsteile" / "Stadtbezirke" */
  levelName: string;
  /** every source line of what the map shows (data, demo note, basemap, OSM layers) */
  source: string;
  /** a profile is open: Ctrl+P prints the profile, the button still prints the map */
  profileOpen: boolean;
  /** the city shown, named in the sheet's subtitle */
  cityName?: string | null;
}

/** The longest scale bar, in CSS pixels of the map on screen. */
const SCALE_MAX_PX = 140;

function useSnapshot(map: MapLibreMap | null) {
  const [url, setUrl] = useState<string | null>(null);
  const current = useRef<string | null>(null);
  const take = useCallback(async () => {
    if (!map) return null;
    const blob = await new Promise<Blob | null>((resolve) => map.getCanvas().toBlob(resolve, 'image/png'));
    if (!blob) return null;
    const next = URL.createObjectURL(blob);
    if (current.current) URL.revokeObjectURL(current.current);
    current.current = next;
    setUrl(next);
    return next;
  }, [map]);
  // kept current whenever the map has finished drawing, so that Ctrl+P prints what is on screen
  useEffect(() => {
    if (!map) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onIdle = () => {
      clearTimeout(timer);
      timer = setTimeout(() => void take(), 300);
    };
    map.on('idle', onIdle);
    if (map.loaded()) onIdle();
    return () => {
      clearTimeout(timer);
      map.off('idle', onIdle);
    };
  }, [map, take]);
  useEffect(() => () => void (current.current && URL.revokeObjectURL(current.current)), []);
  return { url, take };
}

/** Waits until the map has drawn everything it has (labels, points), then a frame more. */
function mapIdle(map: MapLibreMap): Promise<void> {
  return new Promise((resolve) => {
    if (map.loaded() && !map.isMoving()) {
      map.once('render', () => resolve());
      map.triggerRepaint();
    } else map.once('idle', () => resolve());
  });
}

/**
 * The map on paper (A4 landscape or portrait) and as PNG or PDF: title, year, legend, scale,
 * source. Gives the tools (for the sidebar) and the print-only sheet (for the map area).
 */
export function useMapPrint({ map, layer, levelName, source, profileOpen, cityName = null }: Props) {
  const { t, locale } = useI18n();
  const tx = useMapToolTexts();
  const [orientation, setOrientation] = useState<Orientation>('landscape');
  const [printingMap, setPrintingMap] = useState(false);
  const [busy, setBusy] = useState<'png' | 'pdf' | null>(null);
  const [failed, setFailed] = useState(false);
  const snapshot = useSnapshot(map);

  const title = `${layer.title} ${layer.yearLabel}`.trim();
  const sheet = useCallback((): { sheet: MapSheet; size: { width: number; height: number } } | null => {
    if (!map || !layer.legend || !layer.meta) return null;
    const canvas = map.getCanvas();
    const size = { width: canvas.clientWidth || canvas.width, height: canvas.clientHeight || canvas.height };
    const texts = { noData: t.noData, suppressed: t.suppressed, excluded: t.excluded, change: t.change, over: t.over, upTo: t.upTo };
    const bar = scaleBar(metresPerPixel(map.getCenter().lat, map.getZoom()), SCALE_MAX_PX, locale);
    const date = new Date().toLocaleDateString(locale === 'en' ? 'en-GB' : 'de-DE');
    return {
      size,
      sheet: {
        title,
        subtitle: `${levelName} · ${t.appTitleOf(cityName)}`,
        legendTitle: t.legend,
        unit: legendUnit(layer.legend, layer.meta, texts, locale),
        entries: legendEntries(layer.legend, layer.meta, texts, locale),
        source,
        footer: tx.printedOn(date, window.location.href),
        scale: { px: bar.px, label: bar.label },
      },
    };
  }, [map, layer.legend, layer.meta, title, levelName, source, t, tx, locale, cityName]);

  const [html, setHtml] = useState<ReturnType<typeof sheet>>(null);
  // the printed sheet follows the map (its scale, the legend) whenever a new picture is taken
  useEffect(() => setHtml(sheet()), [sheet, snapshot.url]);

  useEffect(() => {
    const after = () => setPrintingMap(false);
    window.addEventListener('afterprint', after);
    return () => window.removeEventListener('afterprint', after);
  }, []);
  useEffect(() => {
    document.body.classList.toggle('print-map', printingMap);
    return () => document.body.classList.remove('print-map');
  }, [printingMap]);

  const fresh = async () => {
    if (!map) return;
    await mapIdle(map);
    const url = await snapshot.take();
    setHtml(sheet());
    if (url) {
      const img = new Image();
      img.src = url;
      await img.decode().catch(() => undefined);
    }
  };

  const print = async () => {
    setPrintingMap(true);
    await fresh();
    // let React draw the sheet with the new picture before the browser lays out the pages
    await new Promise((r) => requestAnimationFrame(() => r(null)));
    window.print();
  };

  const save = async (kind: 'png' | 'pdf') => {
    const s = sheet();
    if (!map || !s) return;
    setBusy(kind);
    setFailed(false);
    try {
      await mapIdle(map);
      const { sheetCanvas, sheetPdf, canvasBlob } = await import('./export');
      const name = `sozialatlas-${layer.meta?.key ?? 'karte'}-${layer.yearLabel.replace(/[^0-9]+/g, '-')}-${orientation === 'landscape' ? 'quer' : 'hoch'}`;
      const blob = kind === 'png' ? await canvasBlob(sheetCanvas(map.getCanvas(), s.sheet, orientation, s.size)) : await sheetPdf(map.getCanvas(), s.sheet, orientation, s.size);
      downloadBlob(blob, `${name}.${kind}`);
    } catch (error) {
      console.error(error);
      setFailed(true);
    } finally {
      setBusy(null);
    }
  };

  const ready = !!(map && layer.legend && layer.meta && !layer.loading);
  const mapPrinted = printingMap || !profileOpen;
  const scalePct = html ? (html.sheet.scale.px / html.size.width) * 100 : 0;
  const entries = html?.sheet.entries ?? [];
  const tools = (
      <section className="map-tools no-print" aria-labelledby="map-tools-title">
        <h2 id="map-tools-title">{tx.mapOnPaper}</h2>
        <label htmlFor="print-orientation">{tx.orientationLabel}</label>
        <select id="print-orientation" value={orientation} onChange={(e) => setOrientation(e.target.value as Orientation)}>
          <option value="landscape">{tx.landscape}</option>
          <option value="portrait">{tx.portrait}</option>
        </select>
        <div className="button-row">
          <button type="button" onClick={() => void print()} disabled={!ready} data-testid="print-map">{tx.printMap}</button>
          <button type="button" onClick={() => void save('png')} disabled={!ready || busy !== null} data-testid="download-png">{tx.downloadPng}</button>
          <button type="button" onClick={() => void save('pdf')} disabled={!ready || busy !== null} data-testid="download-pdf">{tx.downloadPdf}</button>
        </div>
        <p className="small" role="status">{busy ? tx.preparing : ''}</p>
        {failed && <p className="error" role="alert">{t.error}</p>}
      </section>
  );
  const printSheet = (
    <>
      {mapPrinted && <style>{`@media print { @page { size: A4 ${orientation}; margin: 10mm; } }`}</style>}
      {html && (
        <div className={`map-print ${orientation}`} data-testid="map-print">
          <p className="mp-title">{html.sheet.title}</p>
          <p className="mp-subtitle">{html.sheet.subtitle}</p>
          <div className="mp-body">
            <figure className="mp-map">
              {snapshot.url && <img src={snapshot.url} alt={tx.mapImage(title)} />}
              <figcaption className="mp-scale" style={{ width: `${scalePct}%` }} data-testid="print-scale">
                <span className="mp-scale-bar" aria-hidden="true" />
                <span className="mp-scale-label">{tx.scale}: {html.sheet.scale.label}</span>
              </figcaption>
            </figure>
            <div className="mp-legend">
              <p className="mp-legend-title">{html.sheet.legendTitle}{html.sheet.unit ? ` (${html.sheet.unit})` : ''}</p>
              <ul>
                {entries.map((e, i) => (
                  <li key={i}>
                    <span className={e.swatch === 'hatch' ? 'swatch hatched' : 'swatch'} style={e.swatch === 'hatch' ? undefined : { background: e.swatch }} />
                    <span>{e.label}</span>
                    <span className="count">({e.count})</span>
                  </li>
                ))}
              </ul>
            </div>
          </div>
          <p className="mp-source">{html.sheet.source}</p>
          <p className="mp-footer">{html.sheet.footer}</p>
        </div>
      )}
    </>
  );
  return { tools, sheet: printSheet };
}
