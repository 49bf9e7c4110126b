import {
  Prisma,
  type AreaLevel,
  type PrismaClient,
  axisFit,
  bbox,
  checkGeometries,
  deriveAggregates,
  GERMANY,
  insideRegion,
  PROJECTED_SRIDS,
  shapeProblem,
  storedAreaGeometry,
  swapAxes,
  type PolygonGeometry,
} from '@sozialatlas/db';
import { cityCondition, type CityScope } from '../cities/city.sql';
import { parse as parseJsonc, type ParseError } from 'jsonc-parser';
import type { Actor } from '../auth/caller';
import { writeAudits, type AuditEntry, type Tx } from '../common/writes/audit';

// Import of areas (Gebiete) from a GeoJSON FeatureCollection of Polygon/MultiPolygon features with
// the properties code, name, level (or the `level` argument) and parent_code — the same properties
// the area exports write, so an export can be edited in QGIS and imported again.
// Coordinates: WGS84 longitude/latitude (RFC 7946); a `crs` member naming EPSG:25832 or EPSG:25833
// (ETRS89/UTM, what German surveying offices publish) is transformed by PostGIS. Swapped axes are
// reported, never guessed; `swapAxes` reads every position as [y, x].
// All or nothing: every feature is checked first; any error → nothing is written. A dry run
// reports what would be created or changed and which service locations would move to another area.
// Areas absent from the file are never deleted.

/** Most errors reported per import; the first ones are enough to fix a file. */
const MAX_ERRORS = 200;
/** Most changes, location moves and absent codes listed in the answer (counts are always complete). */
const MAX_LISTED = 1000;
export const MAX_AREA_FEATURES = 10_000;

const LEVEL_RANK: Record<AreaLevel, number> = { CITY: 0, BOROUGH: 1, DISTRICT: 2, PLANNING_AREA: 3 };
export const LEVEL_NAMES: Record<AreaLevel, string> = { CITY: 'Stadt', BOROUGH: 'Stadtbezirk', DISTRICT: 'Ortsteil', PLANNING_AREA: 'Planungsraum' };
/** Level words accepted in the `level` property, English and German, lower-cased. */
const LEVELS: Record<string, AreaLevel> = {
  city: 'CITY',
  stadt: 'CITY',
  gemeinde: 'CITY',
  borough: 'BOROUGH',
  stadtbezirk: 'BOROUGH',
  bezirk: 'BOROUGH',
  district: 'DISTRICT',
  ortsteil: 'DISTRICT',
  planning_area: 'PLANNING_AREA',
  planungsraum: 'PLANNING_AREA',
  sozialraum: 'PLANNING_AREA',
};
const MAX_CODE_LENGTH = 50;
const MAX_NAME_LENGTH = 200;

export interface AreaImportProblem {
  /** number of the feature in the file, from 1; 0 for the file as a whole */
  feature: number;
  code: string | null;
  reason: string;
  message: string;
}

export interface AreaChange {
  feature: number;
  code: string;
  name: string;
  level: AreaLevel;
  kind: 'CREATE' | 'UPDATE';
  nameBefore: string | null;
  parentCode: string | null;
  parentCodeBefore: string | null;
  nameChanged: boolean;
  parentChanged: boolean;
  geometryChanged: boolean;
  sourceChanged: boolean;
  areaKm2Before: number | null;
  areaKm2: number | null;
}

export interface LocationMove {
  locationId: number;
  name: string | null;
  fromCode: string | null;
  toCode: string | null;
}

export interface AreaImportOutcome {
  dryRun: boolean;
  applied: boolean;
  features: number;
  /** EPSG code the coordinates were read in */
  srid: number;
  created: number;
  updated: number;
  unchanged: number;
  errors: AreaImportProblem[];
  warnings: AreaImportProblem[];
  changes: AreaChange[];
  changesTruncated: boolean;
  /** stored areas of the imported levels that the file does not contain: kept, never deleted */
  absentCount: number;
  absentCodes: string[];
  locationsMoved: number;
  locationMoves: LocationMove[];
  derivedWritten: number;
  derivedRemoved: number;
}

export interface AreaImportOptions {
  dryRun: boolean;
  actor: Actor;
  /** level of features without a `level` property */
  level?: AreaLevel | null;
  /** read every position as [y, x] (files that store latitude first) */
  swapAxes?: boolean;
  /** key of the Source of the boundaries; set on every area written */
  sourceKey?: string | null;
  /** the city whose areas the codes name (resolveCity); undefined: the default city */
  city?: CityScope;
}

/** A feature that passed the checks that need no database. */
interface Candidate {
  feature: number;
  code: string;
  name: string;
  level: AreaLevel;
  /** undefined: not given (an existing area keeps its parent) */
  parentCode: string | undefined;
  geojson: string;
}

interface Stored {
  id: number;
  code: string;
  name: string;
  level: AreaLevel;
  parentCode: string | null;
  sourceId: number | null;
  areaKm2: number | null;
}

const label = (feature: number, code: string | null) => (feature === 0 ? 'Datei' : `Objekt ${feature}${code ? ` (Code „${code}“)` : ''}`);
const problem = (feature: number, code: string | null, reason: string, message: string): AreaImportProblem => ({
  feature,
  code,
  reason,
  message: `${label(feature, code)}: ${message}`,
});

/** The EPSG code a `crs` member names (old GeoJSON 2008 style), or null when it is not one we read. */
function readCrs(crs: unknown): { srid: number | null; name: string } {
  if (crs === undefined || crs === null) return { srid: 4326, name: 'WGS84' };
  const name = String((crs as { properties?: { name?: unknown } })?.properties?.name ?? JSON.stringify(crs));
  if (/CRS84$/i.test(name)) return { srid: 4326, name };
  const epsg = /EPSG:{1,2}(\d+)$/i.exec(name);
  const srid = epsg ? Number(epsg[1]) : null;
  return { srid: srid === 4326 || PROJECTED_SRIDS.includes(srid as 25832) ? srid : null, name };
}

const de = (n: number, digits = 1) => n.toLocaleString('de-DE', { maximumFractionDigits: digits });
const REGION_TEXT = `Länge ${de(GERMANY.minLon)}–${de(GERMANY.maxLon)}°, Breite ${de(GERMANY.minLat)}–${de(GERMANY.maxLat)}°`;

/** ETRS89/UTM coordinates of Germany in metres (east, north), generously: zones 32 and 33 extended. */
const UTM_EAST: [number, number] = [-200_000, 1_200_000];
const UTM_NORTH: [number, number] = [5_000_000, 6_300_000];
const within = (v: number, [lo, hi]: [number, number]) => v >= lo && v <= hi;

/** Checks one feature's coordinates against the declared system; a problem text or null. */
function coordinateProblem(geometry: PolygonGeometry, srid: number, swapped: boolean): { reason: string; message: string } | null {
  const hint = swapped ? ' (mit swapAxes gelesen)' : '';
  if (srid === 4326) {
    const fit = axisFit(geometry);
    if (!fit.degrees) {
      return {
        reason: 'NOT_WGS84',
        message: `Die Koordinaten${hint} sind keine Längen- und Breitengrade (WGS84), sondern offenbar Meter eines projizierten Systems. Bitte als WGS84 (EPSG:4326) exportieren oder in der Datei "crs" mit EPSG:25832 bzw. EPSG:25833 angeben.`,
      };
    }
    if (fit.lonLat) return null;
    if (fit.latLon) {
      return swapped
        ? { reason: 'SWAPPED_COORDINATES', message: 'Die Koordinaten stehen bereits in der Reihenfolge Länge, Breite; bitte ohne swapAxes importieren.' }
        : {
            reason: 'SWAPPED_COORDINATES',
            message: 'Breite und Länge sind vertauscht (die Datei hat Breite vor Länge; GeoJSON verlangt Länge, Breite). Bitte die Datei korrigieren oder mit swapAxes (CLI: --swap-axes) importieren.',
          };
    }
    return { reason: 'OUTSIDE_REGION', message: `Das Gebiet${hint} liegt nicht in Deutschland (${REGION_TEXT}).` };
  }
  const [minX, minY, maxX, maxY] = bbox(geometry);
  const metres = within(minX, UTM_EAST) && within(maxX, UTM_EAST) && within(minY, UTM_NORTH) && within(maxY, UTM_NORTH);
  if (metres) return null;
  if (within(minY, UTM_EAST) && within(maxY, UTM_EAST) && within(minX, UTM_NORTH) && within(maxX, UTM_NORTH)) {
    return swapped
      ? { reason: 'SWAPPED_COORDINATES', message: 'Die Koordinaten stehen bereits in der Reihenfolge Rechtswert, Hochwert; bitte ohne swapAxes importieren.' }
      : { reason: 'SWAPPED_COORDINATES', message: 'Rechts- und Hochwert sind vertauscht. Bitte die Datei korrigieren oder mit swapAxes (CLI: --swap-axes) importieren.' };
  }
  return {
    reason: 'CRS_MISMATCH',
    message: `Die Koordinaten${hint} passen nicht zu EPSG:${srid} (ETRS89/UTM, Meter), das die Datei unter "crs" angibt${axisFit(geometry).degrees ? ': sie sehen nach Grad aus. Bitte die Angabe "crs" prüfen' : ''}.`,
  };
}

/** A short text of a position for a message; deeply nested input is named, not printed (it overflowed the stack). */
function preview(position: unknown): string {
  if (Array.isArray(position) && position.some((c) => Array.isArray(c))) return '(eine verschachtelte Liste)';
  return String(JSON.stringify(position)).slice(0, 60);
}

/** Vertices one boundary may have: the most detailed Leipzig Ortsteil has 6,330; PostGIS validity checks grow fast beyond. */
export const MAX_VERTICES_PER_AREA = 25_000;
/** Vertices of one import altogether (the whole of Leipzig's 63 Ortsteile: about 30,000). */
export const MAX_VERTICES_PER_IMPORT = 500_000;

function vertexCount(geometry: PolygonGeometry): number {
  const polys = (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates) as unknown[][][];
  let n = 0;
  for (const poly of polys) for (const ring of poly) n += ring.length;
  return n;
}

function shapeMessage(geometry: PolygonGeometry): string | null {
  const found = shapeProblem(geometry);
  if (!found) return null;
  switch (found.kind) {
    case 'nesting':
      return `Die Koordinaten sind nicht wie bei einem ${geometry.type} verschachtelt (Liste von Ringen aus Positionen).`;
    case 'not-numeric':
      return `Die Position ${preview(found.position)} ist keine Koordinate aus zwei Zahlen.`;
    case 'too-few-positions':
      return `Ein Ring hat nur ${found.count} Positionen; ein geschlossener Ring braucht mindestens 4.`;
    case 'not-closed':
      return 'Ein Ring ist nicht geschlossen (die letzte Position muss gleich der ersten sein).';
  }
}

const textOf = (value: unknown) => (typeof value === 'string' ? value.trim() : value);

/** Reads the file and checks everything that needs no database. */
function readFeatures(text: string, options: AreaImportOptions) {
  const errors: AreaImportProblem[] = [];
  const warnings: AreaImportProblem[] = [];
  const candidates: Candidate[] = [];
  const add = (p: AreaImportProblem) => errors.length < MAX_ERRORS && errors.push(p);
  const body = text.replace(/^\uFEFF/, '');
  let fc: unknown;
  try {
    fc = JSON.parse(body);
  } catch {
    // Node's JSON.parse rarely says where; jsonc-parser (strict mode) gives the offset of the first error.
    const found: ParseError[] = [];
    parseJsonc(body, found, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
    const offset = found[0]?.offset;
    const lines = offset === undefined ? null : body.slice(0, offset).split('\n');
    const where = lines ? ` (Fehler in Zeile ${lines.length}, Spalte ${lines[lines.length - 1]!.length + 1})` : '';
    add(problem(0, null, 'BAD_JSON', `Die Datei ist kein gültiges JSON${where}. Bitte als GeoJSON speichern (z. B. in QGIS: Exportieren › Objekte speichern als › GeoJSON).`));
    return { errors, warnings, candidates, count: 0, srid: 4326 };
  }
  const collection = fc as { type?: unknown; features?: unknown; crs?: unknown };
  if (typeof fc !== 'object' || fc === null || collection.type !== 'FeatureCollection' || !Array.isArray(collection.features)) {
    add(problem(0, null, 'NOT_FEATURE_COLLECTION', 'Die Datei ist keine GeoJSON-FeatureCollection ({"type": "FeatureCollection", "features": [...]}).'));
    return { errors, warnings, candidates, count: 0, srid: 4326 };
  }
  const features = collection.features as unknown[];
  const crs = readCrs(collection.crs);
  if (crs.srid === null) {
    add(problem(0, null, 'UNSUPPORTED_CRS', `Das Koordinatensystem „${crs.name}“ wird nicht unterstützt; möglich sind WGS84 (EPSG:4326, Länge/Breite), EPSG:25832 und EPSG:25833.`));
  }
  if (features.length === 0) add(problem(0, null, 'EMPTY', 'Die Datei enthält keine Gebiete.'));
  if (features.length > MAX_AREA_FEATURES) add(problem(0, null, 'TOO_MANY_FEATURES', `Höchstens ${MAX_AREA_FEATURES} Gebiete je Import; die Datei hat ${features.length}.`));
  if (errors.length) return { errors, warnings, candidates, count: features.length, srid: crs.srid ?? 4326 };
  const srid = crs.srid as number;

  const seen = new Map<string, number>();
  let vertices = 0;
  features.forEach((raw, index) => {
    const n = index + 1;
    const f = raw as { type?: unknown; properties?: Record<string, unknown> | null; geometry?: { type?: unknown; coordinates?: unknown } | null };
    if (typeof raw !== 'object' || raw === null || f.type !== 'Feature') {
      add(problem(n, null, 'NOT_A_FEATURE', 'Kein GeoJSON-Feature ("type": "Feature").'));
      return;
    }
    const props = f.properties ?? {};
    const rawCode = textOf(props.code);
    const code = typeof rawCode === 'string' && rawCode !== '' ? rawCode : null;
    let ok = true;
    const fail = (reason: string, message: string) => {
      ok = false;
      add(problem(n, code, reason, message));
    };
    if (typeof rawCode === 'number') fail('BAD_CODE', `Der Code ${rawCode} ist als Zahl angegeben; bitte als Text in Anführungszeichen, damit führende Nullen erhalten bleiben (z. B. "05").`);
    else if (!code) fail('MISSING_CODE', 'Die Eigenschaft „code“ (Gebietsschlüssel) fehlt.');
    else if (code.length > MAX_CODE_LENGTH) fail('BAD_CODE', `Der Code ist länger als ${MAX_CODE_LENGTH} Zeichen.`);
    else if (seen.has(code)) fail('DUPLICATE_CODE', `Der Code steht schon in Objekt ${seen.get(code)}.`);
    else seen.set(code, n);

    const name = textOf(props.name);
    if (typeof name !== 'string' || name === '') fail('MISSING_NAME', 'Die Eigenschaft „name“ fehlt.');
    else if (name.length > MAX_NAME_LENGTH) fail('BAD_NAME', `Der Name ist länger als ${MAX_NAME_LENGTH} Zeichen.`);

    const levelText = textOf(props.level);
    let level: AreaLevel | undefined;
    if (levelText === undefined || levelText === null || levelText === '') {
      level = options.level ?? undefined;
      if (!level) fail('UNKNOWN_LEVEL', 'Die Ebene fehlt: Eigenschaft „level“ (CITY, BOROUGH, DISTRICT, PLANNING_AREA) oder beim Import eine Ebene für alle angeben (API: level, CLI: --level).');
    } else {
      level = LEVELS[String(levelText).toLowerCase()] ?? (String(levelText).toUpperCase() in LEVEL_RANK ? (String(levelText).toUpperCase() as AreaLevel) : undefined);
      if (!level) fail('UNKNOWN_LEVEL', `Die Ebene „${String(levelText)}“ ist unbekannt (CITY, BOROUGH, DISTRICT, PLANNING_AREA oder Stadt, Stadtbezirk, Ortsteil, Planungsraum).`);
    }

    const rawParent = textOf(props.parent_code);
    let parentCode: string | undefined;
    if (typeof rawParent === 'number') fail('BAD_CODE', `Der übergeordnete Code ${rawParent} ist als Zahl angegeben; bitte als Text in Anführungszeichen.`);
    else if (typeof rawParent === 'string' && rawParent !== '') parentCode = rawParent;
    if (parentCode !== undefined && parentCode === code) fail('PARENT_LEVEL', 'Ein Gebiet kann nicht sein eigenes übergeordnetes Gebiet sein.');

    const geometry = f.geometry;
    let geojson = '';
    if (!geometry || typeof geometry !== 'object') {
      fail('NOT_POLYGON', 'Die Geometrie fehlt; erwartet wird ein Polygon oder MultiPolygon.');
    } else if (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon') {
      fail('NOT_POLYGON', `Die Geometrie ist ein ${String(geometry.type)}; erwartet wird ein Polygon oder MultiPolygon.`);
    } else {
      const shapeText = shapeMessage(geometry as PolygonGeometry);
      const count = shapeText ? 0 : vertexCount(geometry as PolygonGeometry);
      vertices += count;
      if (shapeText) {
        fail('BAD_COORDINATES', shapeText);
      } else if (count > MAX_VERTICES_PER_AREA) {
        fail('TOO_MANY_VERTICES', `Die Grenze hat ${count.toLocaleString('de-DE')} Stützpunkte; höchstens ${MAX_VERTICES_PER_AREA.toLocaleString('de-DE')} je Gebiet sind möglich. Bitte vereinfachen (z. B. in QGIS: Vektor › Geometrie-Werkzeuge › Vereinfachen).`);
      } else if (vertices > MAX_VERTICES_PER_IMPORT) {
        fail('TOO_MANY_VERTICES', `Die Datei hat bis hier ${vertices.toLocaleString('de-DE')} Stützpunkte; höchstens ${MAX_VERTICES_PER_IMPORT.toLocaleString('de-DE')} je Import sind möglich. Bitte vereinfachen oder in mehreren Teilen importieren.`);
      } else {
        const read = options.swapAxes ? swapAxes(geometry as PolygonGeometry) : (geometry as PolygonGeometry);
        const wrong = coordinateProblem(read, srid, !!options.swapAxes);
        if (wrong) fail(wrong.reason, wrong.message);
        geojson = JSON.stringify({ type: read.type, coordinates: read.coordinates });
      }
    }
    if (ok) candidates.push({ feature: n, code: code!, name: name as string, level: level!, parentCode, geojson });
  });
  return { errors, warnings, candidates, count: features.length, srid };
}

type Db = PrismaClient | Tx;

/**
 * The areas an import's codes refer to: those of the import's city (default: the default city's
 * and those outside any city). Codes are unique per city only: another city's areas are never touched.
 */
const inImportScope = (alias: Prisma.Sql, scope: CityScope | undefined) => cityCondition(Prisma.sql`${alias}.city_id`, scope);

async function storedAreas(db: Db, codes: string[], scope: CityScope | undefined): Promise<Map<string, Stored>> {
  const rows = await db.$queryRaw<Stored[]>`
    SELECT a.id, a.code, a.name, a.level::text AS level, p.code AS "parentCode", a.source_id AS "sourceId", a.area_km2 AS "areaKm2"
      FROM area a LEFT JOIN area p ON p.id = a.parent_id
     WHERE a.code = ANY(${codes}::text[]) AND ${inImportScope(Prisma.sql`a`, scope)}`;
  return new Map(rows.map((r) => [r.code, r]));
}

/** The cities other than the import's that have areas with these codes (for UNKNOWN_PARENT): "Chemnitz (chemnitz)". */
async function citiesWithCodes(db: Db, codes: string[], scope: CityScope | undefined): Promise<Map<string, string[]>> {
  const rows = await db.$queryRaw<{ code: string; city: string }[]>`
    SELECT DISTINCT a.code, ca.name || ' (' || c.key || ')' AS city
      FROM area a JOIN city c ON c.area_id = a.city_id JOIN area ca ON ca.id = c.area_id
     WHERE a.code = ANY(${codes}::text[]) AND NOT ${inImportScope(Prisma.sql`a`, scope)}
     ORDER BY 2`;
  const byCode = new Map<string, string[]>();
  for (const r of rows) byCode.set(r.code, [...(byCode.get(r.code) ?? []), r.city]);
  return byCode;
}

async function defaultCityName(db: Db): Promise<string | null> {
  const [row] = await db.$queryRaw<{ name: string }[]>`SELECT a.name FROM city c JOIN area a ON a.id = c.area_id WHERE c.is_default`;
  return row?.name ?? null;
}

/** Whether each stored geometry equals the new one as it would be stored (ST_Equals: same point set). */
async function sameGeometries(db: Db, items: { code: string; geojson: string }[], srid: number, scope: CityScope | undefined): Promise<Set<string>> {
  if (items.length === 0) return new Set();
  const rows = await db.$queryRaw<{ code: string }[]>`
    SELECT u.code FROM unnest(${items.map((i) => i.code)}::text[], ${items.map((i) => i.geojson)}::text[]) AS u(code, t)
      JOIN area a ON a.code = u.code AND ${inImportScope(Prisma.sql`a`, scope)}
     WHERE a.geom IS NOT NULL AND ST_Equals(a.geom, ${storedAreaGeometry(Prisma.sql`u.t`, Prisma.sql`${srid}::int`)})`;
  return new Set(rows.map((r) => r.code));
}

/**
 * Service locations whose area changes when the given boundaries replace the stored ones (or are
 * added): the finest area covering the point, ties by id — exactly the rule of the trigger
 * `location_derive_area`. New areas rank after all stored ones, in file order, as their ids will.
 * Only locations in a changed area or inside a new boundary can move, so only those are tested.
 */
async function predictMoves(db: Db, shapes: { code: string; level: AreaLevel; geojson: string }[], srid: number, scope: CityScope | undefined): Promise<LocationMove[]> {
  if (shapes.length === 0) return [];
  return db.$queryRaw<LocationMove[]>`
    WITH incoming AS MATERIALIZED (
      SELECT u.code, u.level::area_level AS level, ${storedAreaGeometry(Prisma.sql`u.t`, Prisma.sql`${srid}::int`)} AS geom, u.ord
        FROM unnest(${shapes.map((s) => s.code)}::text[], ${shapes.map((s) => s.level)}::text[], ${shapes.map((s) => s.geojson)}::text[])
             WITH ORDINALITY AS u(code, level, t, ord)
    ), shapes AS (
      SELECT a.code, a.level, COALESCE(i.geom, a.geom) AS geom, a.id::bigint AS tiebreak
        FROM area a LEFT JOIN incoming i ON i.code = a.code AND ${inImportScope(Prisma.sql`a`, scope)}
      UNION ALL
      SELECT i.code, i.level, i.geom, (1::bigint << 40) + i.ord
        FROM incoming i WHERE NOT EXISTS (SELECT 1 FROM area a WHERE a.code = i.code AND ${inImportScope(Prisma.sql`a`, scope)})
    ), candidates AS (
      SELECT l.id, l.name, l.geom, l.area_id FROM location l
       WHERE l.geom IS NOT NULL
         AND (l.area_id IN (SELECT a.id FROM area a JOIN incoming i ON i.code = a.code AND ${inImportScope(Prisma.sql`a`, scope)})
              OR EXISTS (SELECT 1 FROM incoming i WHERE ST_Covers(i.geom, l.geom)))
    )
    SELECT c.id AS "locationId", c.name, old.code AS "fromCode", next.code AS "toCode"
      FROM candidates c
      LEFT JOIN area old ON old.id = c.area_id
      LEFT JOIN LATERAL (
        SELECT s.code FROM shapes s
         WHERE s.geom IS NOT NULL AND ST_Covers(s.geom, c.geom)
         ORDER BY CASE s.level WHEN 'PLANNING_AREA' THEN 0 WHEN 'DISTRICT' THEN 1 WHEN 'BOROUGH' THEN 2 ELSE 3 END, s.tiebreak
         LIMIT 1) next ON true
     WHERE next.code IS DISTINCT FROM old.code
     ORDER BY c.id`;
}

/** Area state for the audit log; the geometry (GeoJSON) only where it changes, so a boundary can be restored. */
async function auditState(db: Db, codes: string[], withGeometry: string[], scope: CityScope | undefined) {
  const rows = await db.$queryRaw<{ id: number; code: string; name: string; level: string; parentCode: string | null; areaKm2: number | null; version: number; sourceId: number | null; geometry: string | null }[]>`
    SELECT a.id, a.code, a.name, a.level::text AS level, p.code AS "parentCode", a.area_km2 AS "areaKm2", a.version, a.source_id AS "sourceId",
           CASE WHEN a.code = ANY(${withGeometry}::text[]) THEN ST_AsGeoJSON(a.geom) END AS geometry
      FROM area a LEFT JOIN area p ON p.id = a.parent_id
     WHERE a.code = ANY(${codes}::text[]) AND ${inImportScope(Prisma.sql`a`, scope)}`;
  return new Map(rows.map(({ geometry, ...r }) => [r.code, { ...r, geometry: geometry ? JSON.parse(geometry) : undefined }]));
}

/** Checks against the database, and the plan: what is created, changed, unchanged; which locations move. */
async function analyse(db: Db, text: string, options: AreaImportOptions) {
  const { errors, warnings, candidates, count, srid } = readFeatures(text, options);
  const add = (p: AreaImportProblem) => errors.length < MAX_ERRORS && errors.push(p);
  const outcome: AreaImportOutcome = {
    dryRun: options.dryRun,
    applied: false,
    features: count,
    srid,
    created: 0,
    updated: 0,
    unchanged: 0,
    errors,
    warnings,
    changes: [],
    changesTruncated: false,
    absentCount: 0,
    absentCodes: [],
    locationsMoved: 0,
    locationMoves: [],
    derivedWritten: 0,
    derivedRemoved: 0,
  };
  const plan = { outcome, changes: [] as (AreaChange & { geojson: string })[], moves: [] as LocationMove[], sourceId: null as number | null, srid, scope: options.city };
  if (count === 0 || errors.some((e) => e.feature === 0)) return plan;

  const inFile = new Map(candidates.map((c) => [c.code, c]));
  // One query each (no query per feature); sequential, as inside a transaction there is one connection.
  const scope = options.city;
  const stored = await storedAreas(db, [...new Set(candidates.flatMap((c) => (c.parentCode ? [c.code, c.parentCode] : [c.code])))], scope);
  const unknownParents = [...new Set(candidates.flatMap((c) => (c.parentCode !== undefined && !inFile.has(c.parentCode) && !stored.has(c.parentCode) ? [c.parentCode] : [])))];
  const parentElsewhere = unknownParents.length ? await citiesWithCodes(db, unknownParents, scope) : new Map<string, string[]>();
  const cityName = scope ? scope.city.name : await defaultCityName(db);
  const source = options.sourceKey ? await db.source.findUnique({ where: { key: options.sourceKey }, select: { id: true } }) : null;
  const checks = await checkGeometries(db, candidates.map((c) => ({ geojson: c.geojson, srid })));
  if (options.sourceKey && !source) add(problem(0, null, 'UNKNOWN_SOURCE', `Die Quelle „${options.sourceKey}“ ist unbekannt.`));
  plan.sourceId = source?.id ?? null;

  const usable: Candidate[] = [];
  candidates.forEach((c, i) => {
    const check = checks[i]!;
    let ok = true;
    const fail = (reason: string, message: string) => {
      ok = false;
      add(problem(c.feature, c.code, reason, message));
    };
    if (!check.valid && !check.repairable) {
      fail('INVALID_GEOMETRY', `Die Geometrie ist ungültig (${check.reason}) und lässt sich nicht reparieren: ST_MakeValid lässt keine Fläche übrig. Bitte in einem GIS korrigieren.`);
    } else if (!check.valid) {
      warnings.push(problem(c.feature, c.code, 'REPAIRED_GEOMETRY', `Die Geometrie ist ungültig (${check.reason}); sie wird mit ST_MakeValid repariert (nur der Flächenanteil bleibt). Bitte das Ergebnis prüfen.`));
    }
    if (srid !== 4326 && !(insideRegion(check.box[0], check.box[1]) && insideRegion(check.box[2], check.box[3]))) {
      fail('OUTSIDE_REGION', `Das Gebiet liegt nach der Umrechnung aus EPSG:${srid} nicht in Deutschland (${REGION_TEXT}).`);
    }
    const before = stored.get(c.code);
    if (before && before.level !== c.level) {
      fail('LEVEL_CHANGED', `Das Gebiet ist als ${LEVEL_NAMES[before.level]} (${before.level}) gespeichert; die Ebene eines vorhandenen Gebiets lässt sich per Import nicht ändern.`);
    }
    if (c.parentCode !== undefined) {
      const parentLevel = inFile.get(c.parentCode)?.level ?? stored.get(c.parentCode)?.level;
      if (!parentLevel) {
        const other = parentElsewhere.get(c.parentCode);
        fail(
          'UNKNOWN_PARENT',
          `Das übergeordnete Gebiet „${c.parentCode}“ gibt es weder in der Datei noch im Bestand${cityName ? ` von ${cityName}` : ''}` +
            (other ? `, nur in ${other.join(', ')}; für diese Stadt mit city (CLI: --city) importieren.` : '.'),
        );
      }
      else if (LEVEL_RANK[parentLevel] >= LEVEL_RANK[c.level]) {
        fail('PARENT_LEVEL', `Das übergeordnete Gebiet „${c.parentCode}“ ist ein(e) ${LEVEL_NAMES[parentLevel]}; über einem ${LEVEL_NAMES[c.level]} muss eine gröbere Ebene stehen.`);
      }
    } else if (!before && c.level !== 'CITY') {
      fail('MISSING_PARENT', `Das übergeordnete Gebiet fehlt (Eigenschaft „parent_code“); nur eine Stadt steht ohne übergeordnetes Gebiet.`);
    }
    if (ok) usable.push(c);
  });
  // In file order, whichever check found them.
  errors.sort((a, b) => a.feature - b.feature);
  if (errors.length) return plan;

  const same = await sameGeometries(db, usable.filter((c) => stored.has(c.code)).map((c) => ({ code: c.code, geojson: c.geojson })), srid, scope);
  usable.forEach((c) => {
    const before = stored.get(c.code);
    const check = checks[candidates.indexOf(c)]!;
    const parentCode = c.parentCode ?? before?.parentCode ?? null;
    const change = {
      feature: c.feature,
      code: c.code,
      name: c.name,
      level: c.level,
      kind: before ? ('UPDATE' as const) : ('CREATE' as const),
      nameBefore: before?.name ?? null,
      parentCode,
      parentCodeBefore: before?.parentCode ?? null,
      nameChanged: !!before && before.name !== c.name,
      parentChanged: !!before && before.parentCode !== parentCode,
      geometryChanged: !!before && !same.has(c.code),
      sourceChanged: !!before && plan.sourceId !== null && before.sourceId !== plan.sourceId,
      areaKm2Before: before?.areaKm2 ?? null,
      areaKm2: check.areaKm2,
      geojson: c.geojson,
    };
    if (before && !change.nameChanged && !change.parentChanged && !change.geometryChanged && !change.sourceChanged) outcome.unchanged += 1;
    else plan.changes.push(change);
  });
  outcome.created = plan.changes.filter((c) => c.kind === 'CREATE').length;
  outcome.updated = plan.changes.length - outcome.created;
  outcome.changes = plan.changes.slice(0, MAX_LISTED).map(({ geojson, ...change }) => change);
  outcome.changesTruncated = plan.changes.length > MAX_LISTED;

  const levels = [...new Set(usable.map((c) => c.level))];
  const absent = await db.$queryRaw<{ code: string }[]>`
    SELECT a.code FROM area a WHERE a.level = ANY(${levels}::text[]::"area_level"[]) AND a.code <> ALL(${usable.map((c) => c.code)}::text[]) AND ${inImportScope(Prisma.sql`a`, scope)} ORDER BY a.code`;
  outcome.absentCount = absent.length;
  outcome.absentCodes = absent.slice(0, MAX_LISTED).map((a) => a.code);

  plan.moves = await predictMoves(db, plan.changes.filter((c) => c.kind === 'CREATE' || c.geometryChanged), srid, scope);
  outcome.locationsMoved = plan.moves.length;
  outcome.locationMoves = plan.moves.slice(0, MAX_LISTED);
  return plan;
}

/** Writes the plan: new areas level by level (parents first), then the changed ones; locations re-derived; audit rows. */
async function apply(tx: Tx, plan: Awaited<ReturnType<typeof analyse>>, actor: Actor) {
  const { changes, srid, sourceId, scope } = plan;
  const geometryCodes = changes.filter((c) => c.geometryChanged).map((c) => c.code);
  const updates = changes.filter((c) => c.kind === 'UPDATE');
  const before = await auditState(tx, updates.map((c) => c.code), geometryCodes, scope);

  const creates = changes.filter((c) => c.kind === 'CREATE').sort((a, b) => LEVEL_RANK[a.level] - LEVEL_RANK[b.level] || a.feature - b.feature);
  for (const level of Object.keys(LEVEL_RANK) as AreaLevel[]) {
    const batch = creates.filter((c) => c.level === level);
    if (batch.length === 0) continue;
    await tx.$executeRaw`
      INSERT INTO area (level, code, name, parent_id, geom, source_id)
      SELECT ${level}::area_level, u.code, u.name, p.id, ${storedAreaGeometry(Prisma.sql`u.t`, Prisma.sql`${srid}::int`)}, ${sourceId}::int
        FROM unnest(${batch.map((c) => c.code)}::text[], ${batch.map((c) => c.name)}::text[], ${batch.map((c) => c.parentCode)}::text[], ${batch.map((c) => c.geojson)}::text[])
             WITH ORDINALITY AS u(code, name, parent, t, ord)
        LEFT JOIN area p ON p.code = u.parent AND ${inImportScope(Prisma.sql`p`, scope)}
       ORDER BY u.ord`;
  }
  if (updates.length) {
    await tx.$executeRaw`
      UPDATE area a
         SET name = u.name,
             parent_id = (SELECT p.id FROM area p WHERE p.code = u.parent AND ${inImportScope(Prisma.sql`p`, scope)}),
             geom = CASE WHEN u.geometry_changed THEN ${storedAreaGeometry(Prisma.sql`u.t`, Prisma.sql`${srid}::int`)} ELSE a.geom END,
             source_id = COALESCE(${sourceId}::int, a.source_id),
             version = a.version + 1,
             updated_at = now()
        FROM unnest(${updates.map((c) => c.code)}::text[], ${updates.map((c) => c.name)}::text[], ${updates.map((c) => c.parentCode)}::text[],
                    ${updates.map((c) => c.geojson)}::text[], ${updates.map((c) => c.geometryChanged)}::boolean[]) AS u(code, name, parent, t, geometry_changed)
       WHERE a.code = u.code AND ${inImportScope(Prisma.sql`a`, scope)}`;
  }
  const after = await auditState(tx, changes.map((c) => c.code), geometryCodes, scope);

  // The trigger location_derive_area sets the area from the point whenever area_id is written.
  const moved = plan.moves.length
    ? await tx.$queryRaw<{ id: number; code: string | null }[]>`
        WITH updated AS (
          UPDATE location SET area_id = NULL, version = version + 1, updated_at = now()
           WHERE id = ANY(${plan.moves.map((m) => m.locationId)}::int[]) RETURNING id, area_id)
        SELECT u.id, a.code FROM updated u LEFT JOIN area a ON a.id = u.area_id ORDER BY u.id`
    : [];
  const movedTo = new Map(moved.map((m) => [m.id, m.code]));
  const moves = plan.moves.map((m) => ({ ...m, toCode: movedTo.get(m.locationId) ?? null }));

  const entries: AuditEntry[] = [
    ...changes.map((c) => ({ action: 'import', entity: 'area', entityId: after.get(c.code)!.id, before: before.get(c.code), after: after.get(c.code) })),
    ...moves.map((m) => ({ action: 'derive_area', entity: 'location', entityId: m.locationId, before: { areaCode: m.fromCode }, after: { areaCode: m.toCode } })),
  ];
  await writeAudits(tx, actor, entries);

  // New areas and new parents change which parts roll up into which Stadtbezirk or city.
  const hierarchyChanged = changes.some((c) => c.kind === 'CREATE' || c.parentChanged);
  const derived = hierarchyChanged ? await deriveAggregates(tx) : { written: 0, removed: 0 };
  return { moves, derived };
}

/**
 * Checks a GeoJSON FeatureCollection of areas and, unless `dryRun`, writes it in one transaction:
 * areas created or changed (versions bumped), locations re-derived where boundaries changed,
 * aggregates derived again where the hierarchy changed, one audit row per area and moved location.
 * Nothing is written when any feature has an error.
 */
export async function importAreas(prisma: PrismaClient, text: string, options: AreaImportOptions): Promise<AreaImportOutcome> {
  if (options.dryRun) return (await analyse(prisma, text, options)).outcome;
  return prisma.$transaction(
    async (tx) => {
      const plan = await analyse(tx, text, options);
      const { outcome } = plan;
      if (outcome.errors.length || plan.changes.length === 0) return outcome;
      const { moves, derived } = await apply(tx, plan, options.actor);
      outcome.locationMoves = moves.slice(0, MAX_LISTED);
      outcome.derivedWritten = derived.written;
      outcome.derivedRemoved = derived.removed;
      outcome.applied = true;
      return outcome;
    },
    { timeout: 600_000, maxWait: 60_000 },
  );
}
