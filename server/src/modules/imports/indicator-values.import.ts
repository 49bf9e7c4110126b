import { deriveAggregates, upsertValues, type PrismaClient } from '@sozialatlas/db';
import { parse } from 'csv-parse/sync';
import type { Actor } from '../auth/caller';
import { writeAudit } from '../common/writes/audit';
import { MIN_YEAR } from '../common/years';

// Import of indicator values from CSV in long form — one value per line:
//   area_code,indicator_key,year,value,status
//   00,population,2023,12345,REGULAR
// Comma-separated with a decimal point, or (German Excel) semicolon-separated with a decimal comma.
// All or nothing: every line is checked first; any error → nothing is written. A dry run reports
// what would change. After a real import the Stadtbezirk and city values are derived again.

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

/** Plausible ranges per unit: a value outside is almost always a unit mix-up (e.g. share vs percent). */
const UNIT_RANGES: Record<string, [number, number, string]> = {
  COUNT: [0, Number.MAX_SAFE_INTEGER, 'eine Anzahl (nicht negativ)'],
  PERCENT: [0, 100, 'Prozent (0–100)'],
  PER_THOUSAND: [0, 1000, 'je 1.000 (0–1.000)'],
  RATIO: [0, Number.MAX_SAFE_INTEGER, 'eine Verhältniszahl (nicht negativ)'],
  EUR: [-Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER, 'Euro'],
  EUR_PER_MONTH: [0, Number.MAX_SAFE_INTEGER, 'Euro je Monat (nicht negativ)'],
  YEARS: [0, 150, 'Jahre (0–150)'],
  PER_KM2: [0, Number.MAX_SAFE_INTEGER, 'je km² (nicht negativ)'],
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
}

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
async function readRows(prisma: PrismaClient, csv: string, now: Date) {
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
    add({ line, column: null, reason: 'MALFORMED_CSV', message: `Zeile ${line}: Die CSV-Datei ist nicht lesbar (${(error as Error).message}).` });
    return { rows: [], lineCount: 0, errors, areas: new Map(), indicators: new Map() };
  }
  const [head, ...body] = records;
  const columns = (head ?? []).map((c) => c.toLowerCase());
  if (IMPORT_COLUMNS.some((c, i) => columns[i] !== c)) {
    add({ line: 1, column: null, reason: 'BAD_HEADER', message: `Zeile 1: Die Kopfzeile muss „${IMPORT_COLUMNS.join(',')}“ lauten.` });
    return { rows: [], lineCount: 0, errors, areas: new Map(), indicators: new Map() };
  }
  if (body.length > MAX_IMPORT_ROWS) {
    add({ line: MAX_IMPORT_ROWS + 2, column: null, reason: 'TOO_MANY_ROWS', message: `Höchstens ${MAX_IMPORT_ROWS} Werte je Import.` });
    return { rows: [], lineCount: 0, errors, areas: new Map(), indicators: new Map() };
  }

  const areaCodes = [...new Set(body.map((r) => r[0] ?? ''))];
  const indicatorKeys = [...new Set(body.map((r) => r[1] ?? ''))];
  const [areaRows, indicatorRows] = await Promise.all([
    prisma.area.findMany({ where: { code: { in: areaCodes } }, select: { id: true, code: true } }),
    prisma.indicator.findMany({ where: { key: { in: indicatorKeys } }, select: { id: true, key: true, unit: true, aggregation: true } }),
  ]);
  const areas = new Map(areaRows.map((a) => [a.code, a.id]));
  const indicators = new Map(indicatorRows.map((i) => [i.key, i]));
  const maxYear = now.getUTCFullYear();

  const seen = new Map<string, number>();
  const rows: ParsedRow[] = [];
  body.forEach((record, index) => {
    const line = index + 2;
    const [areaCode = '', indicatorKey = '', yearText = '', valueText = '', statusText = ''] = record;
    let ok = true;
    const fail = (column: string, reason: string, message: string) => {
      ok = false;
      add({ line, column, reason, message: `Zeile ${line}: ${message}` });
    };
    if (record.length !== IMPORT_COLUMNS.length) fail('', 'COLUMN_COUNT', `Erwartet werden ${IMPORT_COLUMNS.length} Spalten, gefunden ${record.length}.`);
    if (!areas.has(areaCode)) fail('area_code', 'UNKNOWN_AREA', `Gebietsschlüssel „${areaCode}“ ist unbekannt.`);
    const indicator = indicators.get(indicatorKey);
    if (!indicator) fail('indicator_key', 'UNKNOWN_INDICATOR', `Indikator „${indicatorKey}“ ist unbekannt.`);
    const year = /^\d{4}$/.test(yearText) ? Number(yearText) : NaN;
    if (!(year >= MIN_YEAR && year <= maxYear)) fail('year', 'YEAR_OUT_OF_RANGE', `Jahr „${yearText}“ liegt nicht zwischen ${MIN_YEAR} und ${maxYear}.`);
    const status = STATUSES[statusText.toLowerCase()];
    if (!status) fail('status', 'UNKNOWN_STATUS', `Status „${statusText}“ ist unbekannt (REGULAR, PROVISIONAL, ESTIMATED, SUPPRESSED).`);
    let value: number | null = null;
    if (valueText === '') {
      if (status && status !== 'SUPPRESSED') fail('value', 'MISSING_VALUE', 'Der Wert fehlt; leer bleiben darf er nur bei Status SUPPRESSED.');
    } else {
      value = parseNumber(valueText, decimalComma);
      if (value === null) {
        fail('value', 'NUMBER_FORMAT', `„${valueText}“ ist keine Zahl${decimalComma ? ' (mit Semikolon getrennte Dateien: Dezimalkomma, z. B. 12,5)' : ' (mit Komma getrennte Dateien: Dezimalpunkt, z. B. 12.5)'}.`);
      } else if (indicator) {
        const [min, max, label] = UNIT_RANGES[indicator.unit] ?? [-Infinity, Infinity, ''];
        if (value < min || value > max) fail('value', 'WRONG_UNIT', `${valueText} passt nicht zur Einheit des Indikators „${indicatorKey}“: ${label}.`);
        else if (indicator.unit === 'COUNT' && !Number.isInteger(value)) fail('value', 'WRONG_UNIT', `${valueText} passt nicht zur Einheit des Indikators „${indicatorKey}“: eine ganze Anzahl.`);
      }
    }
    const key = `${areaCode}\u0000${indicatorKey}\u0000${yearText}`;
    const first = seen.get(key);
    if (first !== undefined) fail('', 'DUPLICATE_ROW', `Gebiet ${areaCode}, Indikator ${indicatorKey}, Jahr ${yearText} steht schon in Zeile ${first}.`);
    else seen.set(key, line);
    if (ok) rows.push({ line, areaCode, indicatorKey, year, value, status: status as Status });
  });
  return { rows, lineCount: body.length, errors, areas, indicators };
}

/**
 * Checks a CSV of indicator values and, unless `dryRun`, writes it in one transaction together with
 * the derived aggregates and one audit row. Nothing is written when any line has an error.
 */
export async function importIndicatorValues(
  prisma: PrismaClient,
  csv: string,
  options: { dryRun: boolean; actor: Actor; now?: Date },
): Promise<ImportOutcome> {
  const { rows, lineCount, errors, areas, indicators } = await readRows(prisma, csv, options.now ?? new Date());
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
  };
  if (errors.length) return outcome;

  const resolved = rows.map((r) => ({ ...r, areaId: areas.get(r.areaCode) as number, indicatorId: indicators.get(r.indicatorKey)!.id }));
  const existing = await prisma.$queryRaw<{ a: number; i: number; y: number; value: number | null; status: Status; derived: boolean }[]>`
    SELECT v.area_id AS a, v.indicator_id AS i, v.year AS y, v.value, v.status::text AS status, v.derived
      FROM indicator_value v
      JOIN unnest(${resolved.map((r) => r.areaId)}::int[], ${resolved.map((r) => r.indicatorId)}::int[], ${resolved.map((r) => r.year)}::int[]) AS t(a, i, y)
        ON v.area_id = t.a AND v.indicator_id = t.i AND v.year = t.y`;
  const current = new Map(existing.map((e) => [`${e.a}:${e.i}:${e.y}`, e]));
  const changes: ImportChange[] = [];
  for (const r of resolved) {
    const before = current.get(`${r.areaId}:${r.indicatorId}:${r.year}`);
    if (before && before.value === r.value && before.status === r.status && !before.derived) {
      outcome.unchanged += 1;
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
  outcome.derived = await prisma.$transaction(
    async (tx) => {
      await upsertValues(tx, toWrite.map(({ indicatorId, areaId, year, value, status }) => ({ indicatorId, areaId, year, value, status })));
      const derived = await deriveAggregates(tx, { indicatorIds });
      await writeAudit(tx, options.actor, {
        action: 'import',
        entity: 'indicator_value',
        before: changes.filter((c) => c.kind === 'UPDATE').map((c) => ({ area: c.areaCode, indicator: c.indicatorKey, year: c.year, value: c.beforeValue, status: c.beforeStatus })),
        after: changes.map((c) => ({ area: c.areaCode, indicator: c.indicatorKey, year: c.year, value: c.value, status: c.status })),
      });
      return derived.written;
    },
    { timeout: 600_000, maxWait: 60_000 },
  );
  outcome.applied = true;
  return outcome;
}
