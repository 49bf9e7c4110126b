// The city row of a city of the hub (its CITY area is the root of its areas): URL key, whether it
// is the default city, whether statistics per district exist, and its residents as a whole from
// the Destatis Kreis table (seed/data/germany). For a kreisfreie Stadt the Kreis total is the city
// total; a city that is not a Kreis of its own gets no residents (never a Kreis total passed off
// as the city's).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Tx } from '../db';
import { germanyDataDir } from '../paths';
import { SOURCES, upsertSource } from '../sources';

export const KREIS_FILE = 'landkreise-deutschland_districts_2018.csv';
/** The table's reference date (Stand 31.12.2018). */
export const KREIS_DATE = '2018-12-31';

export interface KreisRow {
  ags: string;
  type: string;
  name: string;
  population: number;
}

let kreise: Map<string, KreisRow> | undefined;

/** The Destatis Kreis table by five-digit key. */
export function readKreise(file = path.join(germanyDataDir(), KREIS_FILE)): Map<string, KreisRow> {
  if (kreise && file === path.join(germanyDataDir(), KREIS_FILE)) return kreise;
  const [header, ...lines] = readFileSync(file, 'utf8').trim().split(/\r?\n/);
  const cols = header!.split(';');
  const at = (name: string) => {
    const i = cols.indexOf(name);
    if (i < 0) throw new Error(`${file}: column ${name} missing`);
    return i;
  };
  const [iAgs, iType, iName, iPop] = [at('AGS'), at('type'), at('name'), at('population')];
  const map = new Map<string, KreisRow>();
  for (const line of lines) {
    const c = line.split(';');
    map.set(c[iAgs]!, { ags: c[iAgs]!, type: c[iType]!, name: c[iName]!, population: Number(c[iPop]) });
  }
  kreise = map;
  return map;
}

/** Residents of the city with this eight-digit AGS, or why there are none. */
export function cityResidents(ags: string): { residents: number | null; note: string } {
  const row = readKreise().get(ags.slice(0, 5));
  if (!/^\d{8}$/.test(ags)) return { residents: null, note: `AGS ${ags} is not an eight-digit municipality key` };
  if (!row) return { residents: null, note: `no Kreis ${ags.slice(0, 5)} in ${KREIS_FILE}` };
  if (row.type !== 'Kreisfreie Stadt' || !ags.endsWith('000')) {
    return { residents: null, note: `${row.name} (${row.ags}) is a ${row.type}, not the city alone: its total is not the city's` };
  }
  if (!Number.isInteger(row.population) || row.population <= 0) return { residents: null, note: `no population for ${row.ags}` };
  return { residents: row.population, note: `${row.population} residents on ${KREIS_DATE} (${row.name}, ${KREIS_FILE})` };
}

/** A city's own names of one level (Leipzig's districts: Ortsteile, Chemnitz's: Stadtteile). */
export interface LevelName {
  /** German plural, as the map's level switch says it: "Stadtteile" */
  de: string;
  /** German singular: "Stadtteil" */
  deSingular: string;
  /** English, with the German word: "districts (Stadtteile)" */
  en: string;
}

/** The city's names per level (CITY, BOROUGH, DISTRICT, PLANNING_AREA); a level left out keeps the generic name. */
export type LevelNames = Partial<Record<'CITY' | 'BOROUGH' | 'DISTRICT' | 'PLANNING_AREA', LevelName>>;

/** Inserts or updates the city row of the CITY area `areaId`; returns rows written and the residents note. */
export async function upsertCity(
  tx: Tx,
  c: { areaId: number; key: string; isDefault: boolean; districtStatistics: boolean; levelNames?: LevelNames },
): Promise<{ written: number; residents: string }> {
  const [area] = await tx.$queryRaw<{ code: string }[]>`SELECT code FROM area WHERE id = ${c.areaId}::int`;
  const r = cityResidents(area!.code);
  const source = r.residents === null ? null : await upsertSource(tx, SOURCES.destatisKreise);
  const written = await tx.$executeRaw`
    INSERT INTO city (area_id, key, is_default, residents, residents_date, residents_source_id, district_statistics, level_names)
    VALUES (${c.areaId}::int, ${c.key}, ${c.isDefault}, ${r.residents}::int, ${r.residents === null ? null : KREIS_DATE}::date,
            ${source?.id ?? null}::int, ${c.districtStatistics}, ${JSON.stringify(c.levelNames ?? {})}::jsonb)
    ON CONFLICT (area_id) DO UPDATE SET key = EXCLUDED.key, is_default = EXCLUDED.is_default, residents = EXCLUDED.residents,
      residents_date = EXCLUDED.residents_date, residents_source_id = EXCLUDED.residents_source_id,
      district_statistics = EXCLUDED.district_statistics, level_names = EXCLUDED.level_names, updated_at = now(), version = city.version + 1
    WHERE (city.key, city.is_default, city.residents, city.residents_date, city.residents_source_id, city.district_statistics, city.level_names)
      IS DISTINCT FROM (EXCLUDED.key, EXCLUDED.is_default, EXCLUDED.residents, EXCLUDED.residents_date, EXCLUDED.residents_source_id, EXCLUDED.district_statistics, EXCLUDED.level_names)`;
  return { written: written + (source?.written ?? 0), residents: r.note };
}
