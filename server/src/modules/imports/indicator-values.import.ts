import { deriveAggregates, plausibilityWarnings, unitProblemTexts, upsertValues, type PrismaClient } from '@sozialatlas/db';
import { parse } from 'csv-parse/sync';
import type { Actor } from '../auth/caller';
import { writeAudit } from '../common/writes/audit';
import { MIN_YEAR } from '../common/years';
import { inScope, type CityScope } from '../cities/city.sql';

// Import of indicator values from CSV in long form — one value per line:
//   area_code,indicator_key,year,value,status
//   00,population,2023,12345,REGULAR
// Comma-separated with a decimal point, or (German Excel) semicolon-separated with a decimal comma.
// All or nothing: every line is checked first; any error → nothing is written. A dry run reports
// what would change. After a real import every derived value that depends on the values written
// (also through weights and denominators) is derived again and secondary suppression recomputed,
// in the same transaction (deriveAggregates follows the catalogue's dependency graph).
// Provenance: every written value records IMPORT, who and when. A line that would lift a
// suppression (a stored SUPPRESSED value published again) is a conflict: reported, not written,
// unless the caller confirms with overrideConflicts.

export const IMPORT_COLUMNS = ['area_code', 'indicator_key', 'year', 'value', 'status'] as const;
/** Most errors reported per import; the first ones are enough to fix a file. */
const MAX_ERRORS = 200;
/** Most changes listed in the answer (counts are always complete). */
const MAX_CHANGES_LISTED = 1000;
export const MAX_IMPORT_ROWS = 100_000;

type Status = 'REGULAR' | 'PROVISIONAL' | 'ESTIMATED' | 'SUPPRESSED';
/** Status words accepted, English and German, lower-cased. Empty = REGULAR. */
const STATUSES: Record<string, Status> = {
  '': 'REGULAR',
  regular: 'REGULAR',
  'endgültig': 'REGULAR',
  provisional: 'PROVISIONAL',
  'vorläufig': 'PROVISIONAL',
  estimated: 'ESTIMATED',
  'geschätzt': 'ESTIMATED',
  suppressed: 'SUPPRESSED',
  geheim: 'SUPPRESSED',
  geheimgehalten: 'SUPPRESSED',
};


export interface ImportProblem {
  /** line in the file, counting the header as line 1 */
  line: number;
  column: string | null;
  reason: string;
  message: string;
}

export interface ImportChange {
  line: number;
  areaCode: string;
  indicatorKey: string;
  year: number;
  kind: 'CREATE' | 'UPDATE';
  beforeValue: number | null;
  beforeStatus: Status | null;
  value: number | null;
  status: Status;
}

export interface ImportConflict {
  line: number;
  areaCode: string;
  indicatorKey: string;
  year: number;
  reason: 'LIFTS_SUPPRESSION';
  message: string;
}

export interface ImportOutcome {
  dryRun: boolean;
  applied: boolean;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  derived: number;
  errors: ImportProblem[];
  changes: ImportChange[];
  changesTruncated: boolean;
  /** lines not written because they would undo a suppression (unless overridden) */
  conflicts: ImportConflict[];
  /** plausibility warnings (written anyway): 0 in a populous area, 0 % after a high share, jumps */
  warnings: string[];
}

/** Levels whose values `deriveAggregates` computes from their parts. */
const DERIVED_LEVELS: Partial<Record<string, true>> = { BOROUGH: true, CITY: true };

interface ParsedRow {
  line: number;
  areaCode: string;
  indicatorKey: string;
  year: number;
  value: number | null;
  status: Status;
}

function parseNumber(text: string, decimalComma: boolean): number | null {
  const cleaned = decimalComma ? text.replace(/\./g, '').replace(',', '.') : text;
  const pattern = decimalComma ? /^-?\d+(\.\d+)?$/ : /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/;
  return pattern.test(cleaned) ? Number(cleaned) : null;
}

/** Reads and checks every line; unknown areas and indicators are looked up in one query each. */
interface CodeArea {
  id: number;
  code: string;
  level: string;
  name: string;
  cityId: number | null;
  cityName: string | null;
  cityKey: string | null;
}

/** Every area with one of the codes, in any city, with its city: codes are unique per city only. */
const areasWithCodes = (prisma: PrismaClient, codes: string[]) =>
  prisma.$queryRaw<CodeArea[]>`
    SELECT a.id, a.code, a.level::text AS level, a.name, a.city_id AS "cityId", ca.name AS "cityName", c.key AS "cityKey"
      FROM area a LEFT JOIN area ca ON ca.id = a.city_id LEFT JOIN city c ON c.area_id = a.city_id
     WHERE a.code = ANY(${codes}::text[])`;

/** Where else a code exists, for the error of a row whose code is not one of the import's city. */
function elsewhere(areaRows: CodeArea[], code: string): string {
  const cities = [...new Set(areaRows.filter((a) => a.code === code && a.cityName).map((a) => `${a.cityName} (${a.cityKey})`))];
  return cities.join(', ');
}

async function readRows(prisma: PrismaClient, csv: string, now: Date, allowDerivedLevels: boolean, scope: CityScope) {
  const errors: ImportProblem[] = [];
  const add = (p: ImportProblem) => errors.length < MAX_ERRORS && errors.push(p);
  const text = csv.replace(/^\uFEFF/, '');
  const header = text.split(/\r?\n/, 1)[0] ?? '';
  const decimalComma = header.includes(';');
  let records: string[][];
  try {
    records = parse(text, { delimiter: decimalComma ? ';' : ',', relax_column_count: true, skip_empty_lines: true, trim: true });
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 1;
    add({ line, column: null, reason: 'MALFORMED_CSV', message: `Zeile ${line}: Die CSV-Datei ist nicht lesbar (${(error as Error).message}). / Line ${line}: the CSV file cannot be read.` });
    return { rows: [], lineCount: 0, errors, areas: new Map(), indicators: new Map() };
  }
  const [head, ...body] = records;
  const columns = (head ?? []).map((c) => c.toLowerCase());
  if (IMPORT_COLUMNS.some((c, i) => columns[i] !== c)) {
    add({ line: 1, column: null, reason: 'BAD_HEADER', message: `Zeile 1: Die Kopfzeile muss „${IMPORT_COLUMNS.join(',')}“ lauten. / Line 1: the header must be "${IMPORT_COLUMNS.join(',')}".` });
    return { rows: [], lineCount: 0, errors, areas: new Map(), indicators: new Map() };
  }
  if (body.length > MAX_IMPORT_ROWS) {
    add({ line: MAX_IMPORT_ROWS + 2, column: null, reason: 'TOO_MANY_ROWS', message: `Höchstens ${MAX_IMPORT_ROWS} Werte je Import. / At most ${MAX_IMPORT_ROWS} values per import.` });
    return { rows: [], lineCount: 0, errors, areas: new Map(), indicators: new Map() };
  }

  const areaCodes = [...new Set(body.map((r) => r[0] ?? ''))];
  const indicatorKeys = [...new Set(body.map((r) => r[1] ?? ''))];
  const [areaRows, indicatorRows] = await Promise.all([
    areasWithCodes(prisma, areaCodes),
    prisma.indicator.findMany({ where: { key: { in: indicatorKeys } }, select: { id: true, key: true, unit: true, aggregation: true } }),
  ]);
  // codes are unique per city only: the file's codes are those of the import's city (default: the default city)
  const ofCity = areaRows.filter((a) => inScope(a.cityId, scope));
  const areas = new Map(ofCity.map((a) => [a.code, a.id]));
  const areaInfo = new Map(ofCity.map((a) => [a.code, a]));
  const cityName = scope?.city.name ?? 'der Stadt';
  const indicators = new Map(indicatorRows.map((i) => [i.key, i]));
  const maxYear = now.getUTCFullYear();

  const seen = new Map<string, number>();
  const rows: ParsedRow[] = [];
  body.forEach((record, index) => {
    const line = index + 2;
    const [areaCode = '', indicatorKey = '', yearText = '', valueText = '', statusText = ''] = record;
    let ok = true;
    const fail = (column: string, reason: string, de: string, en: string) => {
      ok = false;
      add({ line, column, reason, message: `Zeile ${line}: ${de} / Line ${line}: ${en}` });
    };
    if (record.length !== IMPORT_COLUMNS.length) fail('', 'COLUMN_COUNT', `Erwartet werden ${IMPORT_COLUMNS.length} Spalten, gefunden ${record.length}.`, `${IMPORT_COLUMNS.length} columns expected, ${record.length} found.`);
    const other = areas.has(areaCode) ? '' : elsewhere(areaRows, areaCode);
    if (other) {
      fail('area_code', 'AREA_OF_OTHER_CITY', `Gebietsschlüssel „${areaCode}“ gibt es in ${cityName} nicht, nur in ${other}; für diese Stadt mit city (CLI: --city) importieren.`, `area code "${areaCode}" is not one of ${scope?.city.name ?? 'the city'}, only of ${other}; import with city (CLI: --city) for that city.`);
    } else if (!areas.has(areaCode)) fail('area_code', 'UNKNOWN_AREA', `Gebietsschlüssel „${areaCode}“ ist unbekannt.`, `area code "${areaCode}" is unknown.`);
    const area = areaInfo.get(areaCode);
    // Stadtbezirk and city values are derived from the Ortsteile; an imported one would replace that
    if (area && DERIVED_LEVELS[area.level] && !allowDerivedLevels) {
      fail('area_code', 'DERIVED_LEVEL', `${area.name} (${areaCode}) ist ein${area.level === 'CITY' ? 'e Stadt' : ' Stadtbezirk'}; deren Werte werden aus den Ortsteilen abgeleitet. Nur mit allowDerivedLevels (CLI: --allow-derived-levels) wird ein amtlicher Wert statt des abgeleiteten gespeichert.`, `${area.name} (${areaCode}) is a ${area.level === 'CITY' ? 'city' : 'borough'}, whose values are derived from the Ortsteile; only with allowDerivedLevels is an official value stored instead.`);
    }
    const indicator = indicators.get(indicatorKey);
    if (!indicator) fail('indicator_key', 'UNKNOWN_INDICATOR', `Indikator „${indicatorKey}“ ist unbekannt.`, `indicator "${indicatorKey}" is unknown.`);
    const year = /^\d{4}$/.test(yearText) ? Number(yearText) : NaN;
    if (!(year >= MIN_YEAR && year <= maxYear)) fail('year', 'YEAR_OUT_OF_RANGE', `Jahr „${yearText}“ liegt nicht zwischen ${MIN_YEAR} und ${maxYear}.`, `year "${yearText}" is not between ${MIN_YEAR} and ${maxYear}.`);
    const status = STATUSES[statusText.toLowerCase()];
    if (!status) fail('status', 'UNKNOWN_STATUS', `Status „${statusText}“ ist unbekannt (REGULAR, PROVISIONAL, ESTIMATED, SUPPRESSED).`, `status "${statusText}" is unknown.`);
    let value: number | null = null;
    if (valueText === '') {
      if (status && status !== 'SUPPRESSED') fail('value', 'MISSING_VALUE', 'Der Wert fehlt; leer bleiben darf er nur bei Status SUPPRESSED.', 'the value is missing; it may be empty only with status SUPPRESSED.');
    } else {
      value = parseNumber(valueText, decimalComma);
      if (value === null) {
        fail('value', 'NUMBER_FORMAT', `„${valueText}“ ist keine Zahl${decimalComma ? ' (mit Semikolon getrennte Dateien: Dezimalkomma, z. B. 12,5)' : ' (mit Komma getrennte Dateien: Dezimalpunkt, z. B. 12.5)'}.`, `"${valueText}" is not a number${decimalComma ? ' (semicolon-separated files: decimal comma)' : ' (comma-separated files: decimal point)'}.`);
      } else if (indicator) {
        const problem = unitProblemTexts(indicator.unit, value, indicatorKey);
        if (problem) fail('value', 'WRONG_UNIT', problem.de, problem.en);
      }
    }
    const key = `${areaCode}\u0000${indicatorKey}\u0000${yearText}`;
    const first = seen.get(key);
    if (first !== undefined) fail('', 'DUPLICATE_ROW', `Gebiet ${areaCode}, Indikator ${indicatorKey}, Jahr ${yearText} steht schon in Zeile ${first}.`, `area ${areaCode}, indicator ${indicatorKey}, year ${yearText} is already in line ${first}.`);
    else seen.set(key, line);
    if (ok) rows.push({ line, areaCode, indicatorKey, year, value, status: status as Status });
  });
  return { rows, lineCount: body.length, errors, areas, indicators };
}

/** The seed's plausibility warnings for the lines, against the file and the stored values. */
async function plausibility(prisma: PrismaClient, rows: (ParsedRow & { areaId: number; unit: string })[]): Promise<string[]> {
  const stored = await prisma.$queryRaw<{ a: number; k: string; y: number; value: number | null }[]>`
    SELECT v.area_id AS a, i.key AS k, v.year AS y, v.value
      FROM indicator_value v JOIN indicator i ON i.id = v.indicator_id
     WHERE v.area_id = ANY(${[...new Set(rows.map((r) => r.areaId))]}::int[])
       AND v.year = ANY(${[...new Set(rows.flatMap((r) => [r.year, r.year - 1]))]}::int[])
       AND i.key = ANY(${[...new Set([...rows.map((r) => r.indicatorKey), 'population'])]}::text[])`;
  const known = new Map(stored.map((v) => [`${v.a}|${v.k}|${v.y}`, v.value]));
  for (const r of rows) known.set(`${r.areaId}|${r.indicatorKey}|${r.year}`, r.value);
  return plausibilityWarnings(
    rows.map((r) => ({ ...r, areaLabel: `Zeile ${r.line}: Gebiet ${r.areaCode}` })),
    (row, key, year) => known.get(`${row.areaId}|${key}|${year}`),
  );
}

/**
 * Checks a CSV of indicator values and, unless `dryRun`, writes it in one transaction together with
 * the derived aggregates and one audit row. Nothing is written when any line has an error.
 */
export async function importIndicatorValues(
  prisma: PrismaClient,
  csv: string,
  /** city: the city whose area codes the file uses (resolveCity; the default city when not named) */
  options: { dryRun: boolean; actor: Actor; now?: Date; allowDerivedLevels?: boolean; overrideConflicts?: boolean; city: CityScope },
): Promise<ImportOutcome> {
  const { rows, lineCount, errors, areas, indicators } = await readRows(prisma, csv, options.now ?? new Date(), options.allowDerivedLevels ?? false, options.city);
  const outcome: ImportOutcome = {
    dryRun: options.dryRun,
    applied: false,
    rows: lineCount,
    created: 0,
    updated: 0,
    unchanged: 0,
    derived: 0,
    errors,
    changes: [],
    changesTruncated: false,
    conflicts: [],
    warnings: [],
  };
  if (errors.length) return outcome;

  const resolved = rows.map((r) => ({ ...r, areaId: areas.get(r.areaCode) as number, indicatorId: indicators.get(r.indicatorKey)!.id }));
  // base_status: a value hidden only by secondary suppression keeps its own status there.
  const existing = await prisma.$queryRaw<{ a: number; i: number; y: number; value: number | null; status: Status; derived: boolean }[]>`
    SELECT v.area_id AS a, v.indicator_id AS i, v.year AS y, v.value, v.base_status::text AS status, v.derived
      FROM indicator_value v
      JOIN unnest(${resolved.map((r) => r.areaId)}::int[], ${resolved.map((r) => r.indicatorId)}::int[], ${resolved.map((r) => r.year)}::int[]) AS t(a, i, y)
        ON v.area_id = t.a AND v.indicator_id = t.i AND v.year = t.y`;
  const current = new Map(existing.map((e) => [`${e.a}:${e.i}:${e.y}`, e]));
  outcome.warnings = await plausibility(prisma, resolved.map((r) => ({ ...r, unit: indicators.get(r.indicatorKey)!.unit })));
  const changes: ImportChange[] = [];
  for (const r of resolved) {
    const before = current.get(`${r.areaId}:${r.indicatorId}:${r.year}`);
    if (before && before.value === r.value && before.status === r.status && !before.derived) {
      outcome.unchanged += 1;
      continue;
    }
    if (before && !before.derived && before.status === 'SUPPRESSED' && r.status !== 'SUPPRESSED' && !options.overrideConflicts) {
      outcome.conflicts.push({
        line: r.line,
        areaCode: r.areaCode,
        indicatorKey: r.indicatorKey,
        year: r.year,
        reason: 'LIFTS_SUPPRESSION',
        message: `Zeile ${r.line}: Gebiet ${r.areaCode}, Indikator ${r.indicatorKey}, Jahr ${r.year} ist geheimgehalten; die Zeile würde den Wert veröffentlichen und wird nicht geschrieben (bestätigen mit overrideConflicts). / Line ${r.line}: the value is suppressed; the line would publish it and is not written (confirm with overrideConflicts).`,
      });
      continue;
    }
    changes.push({
      line: r.line,
      areaCode: r.areaCode,
      indicatorKey: r.indicatorKey,
      year: r.year,
      kind: before ? 'UPDATE' : 'CREATE',
      beforeValue: before?.value ?? null,
      beforeStatus: before?.status ?? null,
      value: r.value,
      status: r.status,
    });
  }
  outcome.created = changes.filter((c) => c.kind === 'CREATE').length;
  outcome.updated = changes.length - outcome.created;
  outcome.changes = changes.slice(0, MAX_CHANGES_LISTED);
  outcome.changesTruncated = changes.length > MAX_CHANGES_LISTED;
  if (options.dryRun || changes.length === 0) return outcome;

  const changedKeys = new Set(changes.map((c) => c.line));
  const toWrite = resolved.filter((r) => changedKeys.has(r.line));
  const indicatorIds = [...new Set(toWrite.map((r) => r.indicatorId))];
  const years = [...new Set(toWrite.map((r) => r.year))];
  outcome.derived = await prisma.$transaction(
    async (tx) => {
      await upsertValues(
        tx,
        toWrite.map(({ indicatorId, areaId, year, value, status }) => ({ indicatorId, areaId, year, value, status })),
        { origin: 'IMPORT', label: options.actor.label },
      );
      const derived = await deriveAggregates(tx, { indicatorIds, years });
      await writeAudit(tx, options.actor, {
        action: 'import',
        entity: 'indicator_value',
        before: changes.filter((c) => c.kind === 'UPDATE').map((c) => ({ area: c.areaCode, indicator: c.indicatorKey, year: c.year, value: c.beforeValue, status: c.beforeStatus })),
        after: changes.map((c) => ({ area: c.areaCode, indicator: c.indicatorKey, year: c.year, value: c.value, status: c.status })),
      });
      return derived.written + derived.suppressionChanged;
    },
    { timeout: 600_000, maxWait: 60_000 },
  );
  outcome.applied = true;
  return outcome;
}
