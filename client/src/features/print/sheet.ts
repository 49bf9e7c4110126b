// One A4 sheet of the map (title, year, map, scale, legend, source), laid out once in millimetres
// and drawn by a painter: a 2D canvas for the PNG, jsPDF for the PDF (text stays text there).
import type { LegendEntry } from './legend-entries';

export type Orientation = 'landscape' | 'portrait';

export interface MapSheet {
  /** indicator or layer and year, e.g. "SGB-II-Quote 2022" */
  title: string;
  /** level and product, e.g. "Ortsteile · Sozialatlas Leipzig" */
  subtitle: string;
  legendTitle: string;
  unit: string;
  entries: LegendEntry[];
  /** the full source line(s), data and basemap */
  source: string;
  footer: string;
  /** a round distance and its length in CSS pixels of the map on screen */
  scale: { px: number; label: string };
}

export interface Painter {
  text(text: string, x: number, y: number, size: number, bold?: boolean): void;
  width(text: string, size: number, bold?: boolean): number;
  rect(x: number, y: number, w: number, h: number, fill: string, stroke?: string): void;
  hatch(x: number, y: number, w: number, h: number): void;
  image(x: number, y: number, w: number, h: number): void;
  line(x1: number, y1: number, x2: number, y2: number, width: number): void;
}

export const PAGE = { landscape: { w: 297, h: 210 }, portrait: { w: 210, h: 297 } } as const;
const MARGIN = 12;
const PT = 0.3528; // mm per point

/** Splits a text into lines no wider than `max` mm. */
export function wrap(p: Painter, text: string, size: number, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (line && p.width(next, size) > max) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

/** Draws the sheet; `mapSize` is the map's size on screen in CSS pixels (its aspect and the scale). */
export function drawSheet(p: Painter, sheet: MapSheet, orientation: Orientation, mapSize: { width: number; height: number }) {
  const page = PAGE[orientation];
  const inner = page.w - 2 * MARGIN;
  let y = MARGIN + 16 * PT;
  p.text(sheet.title, MARGIN, y, 16, true);
  y += 6;
  p.text(sheet.subtitle, MARGIN, y, 10);
  y += 5;

  const legendW = orientation === 'landscape' ? 70 : inner;
  const lineH = 5.2;
  const legendH = 8 + (sheet.unit ? lineH : 0) + sheet.entries.length * lineH;
  const sourceLines = wrap(p, sheet.source, 8, inner);
  const footerH = (sourceLines.length + 1) * 3.8 + 2;
  const mapBox = {
    x: MARGIN,
    y,
    w: orientation === 'landscape' ? inner - legendW - 6 : inner,
    h: page.h - MARGIN - footerH - y - (orientation === 'portrait' ? legendH + 4 : 0),
  };
  // the map keeps its proportions on screen, as large as the box allows
  const k = Math.min(mapBox.w / mapSize.width, mapBox.h / mapSize.height);
  const mw = mapSize.width * k;
  const mh = mapSize.height * k;
  p.rect(mapBox.x, mapBox.y, mw, mh, '#ffffff', '#8a8a8a');
  p.image(mapBox.x, mapBox.y, mw, mh);

  // scale bar at the map's lower left, on a white ground
  const barW = sheet.scale.px * k;
  const sx = mapBox.x + 3;
  const sy = mapBox.y + mh - 4;
  p.rect(sx - 1.5, sy - 6.5, Math.max(barW, p.width(sheet.scale.label, 8)) + 3, 8.5, '#ffffff');
  p.line(sx, sy, sx + barW, sy, 0.6);
  p.line(sx, sy - 1.5, sx, sy + 0.3, 0.4);
  p.line(sx + barW, sy - 1.5, sx + barW, sy + 0.3, 0.4);
  p.text(sheet.scale.label, sx, sy - 2.2, 8);

  // the legend beside (landscape) or below (portrait) the map
  const lx = orientation === 'landscape' ? mapBox.x + mapBox.w + 6 : MARGIN;
  let ly = orientation === 'landscape' ? mapBox.y + 4 : mapBox.y + mh + 7;
  p.text(sheet.legendTitle, lx, ly, 11, true);
  ly += lineH;
  if (sheet.unit) {
    p.text(`(${sheet.unit})`, lx, ly, 9);
    ly += lineH;
  }
  const colW = orientation === 'landscape' ? legendW : inner;
  for (const e of sheet.entries) {
    if (e.swatch === 'hatch') p.hatch(lx, ly - 3.2, 7, 4);
    else p.rect(lx, ly - 3.2, 7, 4, e.swatch, '#8a8a8a');
    p.text(e.label, lx + 9, ly, 9);
    const count = `(${e.count})`;
    p.text(count, Math.min(lx + colW, lx + 75) - p.width(count, 9), ly, 9);
    ly += lineH;
  }

  let fy = page.h - MARGIN - footerH + 3;
  for (const line of sourceLines) {
    p.text(line, MARGIN, fy, 8);
    fy += 3.8;
  }
  p.text(sheet.footer, MARGIN, fy, 7);
}
