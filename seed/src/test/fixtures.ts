import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** A temp folder with the given JSON files. */
export function fixtureDir(files: Record<string, unknown>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'sozialatlas-seed-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(dir, name), JSON.stringify(content));
  return dir;
}

/** A square polygon ring in [lon, lat] around a point in Leipzig, `i` cells east. */
export const square = (i: number, size = 0.01): number[][] => {
  const x = 12.3 + i * size;
  const y = 51.3;
  return [[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]];
};

export const feature = (key: string, title: string, ring: number[][]) => ({
  type: 'Feature',
  properties: { key, title },
  geometry: { type: 'Polygon', coordinates: [ring] },
});

/** Three Ortsteile: A (00) and B (01) in Stadtbezirk 0, C (10) in Stadtbezirk 1; no "Gesamt". */
export const tinyDistricts = () => ({
  type: 'FeatureCollection',
  features: [feature('00', 'A', square(0)), feature('01', 'B', square(1)), feature('10', 'C', square(2))],
});

export const kd = (title: string, data: Record<string, Record<string, { value: unknown; district: string }[]>>) => ({
  meta: { source: 'fixture', title },
  data,
});
