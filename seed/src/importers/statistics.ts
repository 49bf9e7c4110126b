// Generic importer for the Leipzig kdvalues files ({meta:{source,title}, data:{year:{sub:[{value,district}]}}}),
// driven by a mapping file (data, checked by statistics.mapping.ts; shipped: seed/data/leipzig/statistics.mapping.json). Values are stored for Ortsteile (matched by exact name) with
// status REGULAR, in batches of one INSERT … SELECT FROM unnest(…) ON CONFLICT … per batch; then
// Stadtbezirk and city values are derived set-based (aggregate.ts). All-or-nothing, idempotent.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Prisma } from '@sozialatlas/db';
import {
  deriveAggregates,
  plausibilityWarnings,
  unitProblem,
  upsertValues,
  type CheckedValue,
  type PlausibilityOptions,
  type PrismaClient,
  type Provenance,
  type ValueRow,
} from '@sozialatlas/db';
import { inTransaction, type Tx } from '../db';
import { leipzigDataDir } from '../paths';
import { newReport, type ImportReport } from '../report';
import { SOURCES, upsertSource } from '../sources';
import { CITY_NAME, inLeipzig } from './districts';
import { leipzigMapping, loadMapping, MAPPING_FILE, MappingError, subMapping, type FileMapping, type IndicatorDef, type MappingProblem, type RelationDef } from './statistics.mapping';

export interface StatisticsOptions {
  /** folder with the leipzig-*.json files; default: the shipped data */
  dir?: string;
  /** mapping file; default: statistics.mapping.json in `dir` if there is one, else the shipped Leipzig mapping */
  mappingFile?: string;
  /** instead of a mapping file's files / indicators / relations (name for the report: mappingName) */
  mapping?: FileMapping[];
  mappingName?: string;
  indicators?: IndicatorDef[];
  relations?: RelationDef[];
  plausibility?: PlausibilityOptions;
  /** values per INSERT statement */
  batchSize?: number;
  /** files given in memory (API, CLI) instead of the leipzig-*.json files of `dir` */
  files?: { name: string; json: unknown }[];
  /** who writes: the seed (default; never overwrites later imports) or an import by someone */
  provenance?: Provenance;
  /** check and report, then roll everything back */
  dryRun?: boolean;
  /** imports only: also write values that lift a stored suppression */
  overrideConflicts?: boolean;
  /**
   * true (seed, administrators): the mapping's indicator definitions are written to the catalogue;
   * false: every indicator it uses must already be in the catalogue with the same unit
   */
  defineIndicators?: boolean;
  /** called in the transaction after the values are written (e.g. the audit row of an import) */
  onWrite?: (tx: Tx, report: ImportReport) => Promise<void>;
  /** the city whose Ortsteile the files name (its CITY area id and name); default Leipzig */
  city?: { areaId: number; name: string };
}

/** Thrown inside the transaction of a dry run so that nothing stays written. */
class DryRunRollback extends Error {
  constructor(readonly report: ImportReport) {
    super('dry run');
  }
}

interface KdValues {
  meta: { source?: string; title?: string };
  data: Record<string, Record<string, unknown>>;
}

const isKdValues = (j: unknown): j is KdValues =>
  typeof j === 'object' && j !== null && 'meta' in j && 'data' in j && typeof (j as KdValues).data === 'object';

/** Upserts indicators (denominators first); returns key → id. */
export async function upsertIndicators(tx: Tx, defs: IndicatorDef[], sourceId: number): Promise<{ ids: Map<string, number>; written: number }> {
  const byKey = new Map(defs.map((d) => [d.key, d]));
  const ordered: IndicatorDef[] = [];
  const visit = (d: IndicatorDef, trail: string[]) => {
    if (ordered.includes(d)) return;
    if (trail.includes(d.key)) throw new Error(`indicator denominator cycle: ${[...trail, d.key].join(' → ')}`);
    for (const [role, ref] of [['denominator', d.denominator], ['numerator', d.numerator]] as const) {
      if (!ref) continue;
      const dep = byKey.get(ref);
      if (!dep) throw new Error(`indicator ${d.key}: ${role} ${ref} is not defined`);
      visit(dep, [...trail, d.key]);
    }
    ordered.push(d);
  };
  defs.forEach((d) => visit(d, []));
  let written = 0;
  for (const d of ordered) {
    written += await tx.$executeRaw`
      INSERT INTO indicator (key, name, name_en, description, unit, topic, polarity, aggregation, denominator_id, numerator_id, denominator_proxy, source_id)
      VALUES (${d.key}, ${d.name}, ${d.nameEn}, ${d.description}, ${d.unit}::indicator_unit, ${d.topic}::indicator_topic,
              ${d.polarity}::polarity, ${d.aggregation}::aggregation_rule,
              (SELECT id FROM indicator WHERE key = ${d.denominator ?? null}::text), (SELECT id FROM indicator WHERE key = ${d.numerator ?? null}::text),
              ${d.denominatorProxy ?? false}, ${sourceId}::int)
      ON CONFLICT (key) DO UPDATE SET name = EXCLUDED.name, name_en = EXCLUDED.name_en, description = EXCLUDED.description,
        unit = EXCLUDED.unit, topic = EXCLUDED.topic, polarity = EXCLUDED.polarity, aggregation = EXCLUDED.aggregation,
        denominator_id = EXCLUDED.denominator_id, numerator_id = EXCLUDED.numerator_id, denominator_proxy = EXCLUDED.denominator_proxy,
        source_id = EXCLUDED.source_id, updated_at = now(), version = indicator.version + 1
      WHERE (indicator.name, indicator.name_en, indicator.description, indicator.unit, indicator.topic, indicator.polarity,
             indicator.aggregation, indicator.denominator_id, indicator.numerator_id, indicator.denominator_proxy, indicator.source_id)
        IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.name_en, EXCLUDED.description, EXCLUDED.unit, EXCLUDED.topic, EXCLUDED.polarity,
             EXCLUDED.aggregation, EXCLUDED.denominator_id, EXCLUDED.numerator_id, EXCLUDED.denominator_proxy, EXCLUDED.source_id)`;
  }
  const rows = await tx.$queryRaw<{ id: number; key: string }[]>`SELECT id, key FROM indicator WHERE key = ANY(${ordered.map((d) => d.key)}::text[])`;
  return { ids: new Map(rows.map((r) => [r.key, r.id])), written };
}

/** Declares the additive relations whose indicators are all present; returns relations inserted. */
export async function upsertRelations(tx: Tx, relations: RelationDef[], ids: Map<string, number>): Promise<number> {
  let written = 0;
  for (const r of relations) {
    const total = ids.get(r.total);
    const parts = r.parts.map((p) => ids.get(p));
    if (total === undefined || parts.some((p) => p === undefined)) continue;
    const sorted = (parts as number[]).sort((a, b) => a - b);
    const [existing] = await tx.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM indicator_relation r
       WHERE r.total_id = ${total}
         AND (SELECT array_agg(p.part_id ORDER BY p.part_id) FROM indicator_relation_part p WHERE p.relation_id = r.id) = ${sorted}::int[]`;
    if (existing!.n > 0) continue;
    const [row] = await tx.$queryRaw<{ id: number }[]>`INSERT INTO indicator_relation (total_id) VALUES (${total}) RETURNING id`;
    await tx.$executeRaw`INSERT INTO indicator_relation_part (relation_id, part_id) SELECT ${row!.id}, unnest(${sorted}::int[])`;
    written++;
  }
  return written;
}

export async function importStatistics(prisma: PrismaClient, options: StatisticsOptions = {}): Promise<ImportReport> {
  const dir = options.dir ?? leipzigDataDir();
  const mappingFile = options.mappingFile ?? (existsSync(path.join(dir, MAPPING_FILE)) ? path.join(dir, MAPPING_FILE) : undefined);
  const fromFile = mappingFile ? loadMapping(mappingFile) : leipzigMapping();
  const mapping = options.mapping ?? fromFile.files;
  const defs = options.indicators ?? fromFile.indicators;
  const relations = options.relations ?? fromFile.relations;
  const report = newReport('Leipzig statistics (kdvalues)');
  const started = Date.now();

  // Read and check the shape of every file first; a malformed file aborts the whole import.
  const files: { name: string; json: KdValues }[] = [];
  const ignored: string[] = [];
  const given =
    options.files ??
    readdirSync(dir)
      .filter((f) => /^leipzig-.*\.json$/.test(f))
      .sort()
      .map((name) => ({ name, json: JSON.parse(readFileSync(path.join(dir, name), 'utf8')) as unknown }));
  for (const { name, json } of given) {
    if (!isKdValues(json)) {
      ignored.push(name);
      continue;
    }
    files.push({ name, json });
  }
  report.details.files = files.map((f) => f.name);
  report.details.mapping = options.mappingName ?? (mappingFile ? path.basename(mappingFile) : `leipzig/${MAPPING_FILE}`);
  if (ignored.length) report.details.notKdValues = ignored;

  // Which file provides which key: the highest priority among the files present.
  const fileMap = new Map(mapping.map((m) => [m.file, m]));
  const winner = new Map<string, FileMapping>();
  for (const f of files) {
    const m = fileMap.get(f.name);
    if (!m) continue;
    const present = new Set(Object.values(f.json.data).flatMap((y) => Object.keys(y ?? {})));
    for (const [sub, target] of Object.entries(m.subIndicators)) {
      const key = subMapping(target)!.indicator;
      if (!present.has(sub)) continue;
      const w = winner.get(key);
      if (w && w.file !== m.file && w.priority === m.priority) throw new Error(`mapping: ${w.file} and ${m.file} both provide ${key} with priority ${m.priority}`);
      if (!w || m.priority > w.priority) winner.set(key, m);
    }
  }
  const defByKey = new Map(defs.map((d) => [d.key, d]));
  for (const key of winner.keys()) if (!defByKey.has(key)) throw new Error(`mapping: indicator ${key} is not defined`);
  const needed = new Set<string>();
  const need = (key: string) => {
    if (needed.has(key)) return;
    needed.add(key);
    const def = defByKey.get(key)!;
    if (def.denominator) need(def.denominator);
    if (def.numerator) need(def.numerator);
  };
  [...winner.keys()].forEach(need);

  const provenance = options.provenance ?? { origin: 'SEED', label: SOURCES.statistics.title };
  const run = inTransaction(prisma, async (tx) => {
    let indicators: { ids: Map<string, number>; written: number };
    if (options.defineIndicators ?? true) {
      const source = await upsertSource(tx, SOURCES.statistics);
      report.written += source.written;
      indicators = await upsertIndicators(tx, defs.filter((d) => needed.has(d.key)), source.id);
      report.written += indicators.written;
      report.written += await upsertRelations(tx, relations, indicators.ids);
    } else {
      indicators = { ids: await catalogueIds(tx, defs.filter((d) => needed.has(d.key)), report.details.mapping as string), written: 0 };
    }
    report.details.indicators = indicators.ids.size;

    // names are unique per city only (Chemnitz has a "Zentrum" too): the files name the city's Ortsteile
    const ofCity = options.city ? Prisma.sql`a.city_id = ${options.city.areaId}::int` : inLeipzig(Prisma.sql`a`);
    const [areaRows, otherRows] = await Promise.all([
      tx.$queryRaw<{ id: number; name: string }[]>`SELECT a.id, a.name FROM area a WHERE a.level = 'DISTRICT' AND ${ofCity}`,
      tx.$queryRaw<{ name: string; city: string }[]>`
        SELECT DISTINCT a.name, ca.name AS city FROM area a JOIN area ca ON ca.id = a.city_id WHERE a.level = 'DISTRICT' AND NOT (${ofCity})`,
    ]);
    if (areaRows.length === 0) throw new Error('no Ortsteile in the database: import the districts first');
    const areaByName = new Map(areaRows.map((a) => [a.name, a.id]));
    const otherCities = new Map<string, string[]>();
    for (const o of otherRows) otherCities.set(o.name, [...(otherCities.get(o.name) ?? []), o.city]);
    const cityName = options.city?.name ?? CITY_NAME;

    const values: ValueRow[] = [];
    const valueIndex = new Map<string, number | null>(); // key|area|year → value, for the overlap comparison
    const checked: CheckedValue[] = [];
    const unmapped: string[] = [];
    const losers = new Map<string, { file: string; sub: string; key: string; rows: { year: number; district: string; value: unknown }[] }>();

    for (const { name, json } of files) {
      const m = fileMap.get(name);
      const perSub = new Map<string, { rows: number; years: number[]; ambiguousYears: number[]; outsideYears: number[] }>();
      for (const [yearKey, subs] of Object.entries(json.data)) {
        if (!/^\d{4}$/.test(yearKey)) throw new Error(`${name}: data key "${yearKey}" is not a year`);
        if (typeof subs !== 'object' || subs === null) throw new Error(`${name} › ${yearKey}: not an object of sub-indicators`);
        const year = Number(yearKey);
        for (const [sub, list] of Object.entries(subs)) {
          if (!Array.isArray(list)) throw new Error(`${name} › ${year} › ${sub}: not a list of rows`);
          for (const [i, row] of list.entries()) {
            if (typeof row !== 'object' || row === null || typeof (row as { district?: unknown }).district !== 'string' || !('value' in row)) {
              throw new Error(`${name} › ${year} › ${sub} › row ${i}: malformed row ${JSON.stringify(row)}`);
            }
          }
          const rows = list as { value: unknown; district: string }[];
          report.rowsRead += rows.length;
          const stat = perSub.get(sub) ?? { rows: 0, years: [], ambiguousYears: [], outsideYears: [] };
          perSub.set(sub, stat);
          stat.rows += rows.length;
          stat.years.push(year);
          const names = rows.map((r) => r.district);
          if (new Set(names).size !== names.length) {
            stat.ambiguousYears.push(year);
            continue;
          }
          const target = subMapping(m?.subIndicators[sub]);
          if (!target) continue;
          const key = target.indicator;
          if (winner.get(key)?.file !== name) {
            const l = losers.get(`${name}|${sub}`) ?? { file: name, sub, key, rows: [] };
            losers.set(`${name}|${sub}`, l);
            l.rows.push(...rows.map((r) => ({ year, ...r })));
            continue;
          }
          if ((target.fromYear != null && year < target.fromYear) || (target.toYear != null && year > target.toYear)) {
            stat.outsideYears.push(year);
            continue;
          }
          const indicatorId = indicators.ids.get(key)!;
          const unit = defByKey.get(key)!.unit;
          for (const r of rows) {
            const where = `${name} › ${year} › ${sub} › "${r.district}"`;
            const areaId = areaByName.get(r.district);
            const elsewhere = areaId === undefined ? otherCities.get(r.district) : undefined;
            if (elsewhere) {
              report.skipped.push({ row: where, reason: `Ortsteil „${r.district}“ gibt es in ${cityName} nicht, nur in ${elsewhere.join(', ')}: für diese Stadt mit city importieren / district of ${elsewhere.join(', ')} only, not of ${cityName}` });
              continue;
            }
            if (areaId === undefined) {
              report.skipped.push({ row: where, reason: `Ortsteil „${r.district}“ ist unbekannt (kein Ortsteil heißt genau so) / district name matches no Ortsteil exactly` });
              continue;
            }
            let value: number | null;
            let status: ValueRow['status'] = 'REGULAR';
            if (r.value === null) {
              value = null;
              status = 'SUPPRESSED'; // the API publishes suppressed cells as null
            } else if (typeof r.value === 'number' && Number.isFinite(r.value)) {
              // scaled values are rounded to 10 significant digits so 0.123 × 100 stays 12.3
              value = target.scale == null || target.scale === 1 ? r.value : Number((r.value * target.scale).toPrecision(10));
              const problem = unitProblem(unit, value, key);
              if (problem) {
                report.skipped.push({ row: where, reason: problem });
                continue;
              }
            } else {
              report.skipped.push({ row: where, reason: `${JSON.stringify(r.value)} ist keine Zahl / is not a number` });
              continue;
            }
            values.push({ indicatorId, areaId, year, value, status });
            valueIndex.set(`${key}|${r.district}|${year}`, value);
            checked.push({ indicatorKey: key, unit, areaLabel: r.district, year, value });
          }
        }
      }
      for (const [sub, stat] of perSub) {
        const years = `${Math.min(...stat.years)}–${Math.max(...stat.years)}`;
        const key = subMapping(m?.subIndicators[sub])?.indicator;
        if (stat.outsideYears.length) {
          const t = subMapping(m?.subIndicators[sub])!;
          report.skipped.push({
            row: `${name} › ${sub}`,
            reason: `${stat.outsideYears.length} Jahre außerhalb ${t.fromYear ?? '…'}–${t.toYear ?? '…'} laut Zuordnung nicht importiert / ${stat.outsideYears.length} years outside the mapped years not imported (${stat.outsideYears.sort().join(', ')})`,
          });
        }
        if (stat.ambiguousYears.length) {
          report.skipped.push({
            row: `${name} › ${sub}`,
            reason: `mehrdeutig: Ortsteile stehen mehrfach in einem Jahr; ${stat.ambiguousYears.length} Jahre nicht importiert / ambiguous duplicates: Ortsteile appear more than once per year (${stat.rows} rows in ${stat.years.length} years, ${areaRows.length} Ortsteile); ${stat.ambiguousYears.length} years not imported`,
          });
        } else if (!key) {
          report.skipped.push({ row: `${name} › ${sub}`, reason: `Merkmal nicht in der Zuordnung (${report.details.mapping}): ${stat.rows} Zeilen (${years}) nicht importiert / sub-indicator not in the mapping: ${stat.rows} rows not imported` });
          unmapped.push(`${name} › ${sub} (${stat.rows} rows, ${years})`);
        }
      }
    }

    // Every unmapped sub-indicator, in full (the printed report shortens long lists).
    if (unmapped.length) report.details.unmapped = unmapped;
    // The previous year and the population come from the files, else from what is stored.
    const stored = await storedValues(tx, [...new Set([...checked.map((c) => c.indicatorKey), 'population'])], [...new Set(checked.flatMap((c) => [c.year, c.year - 1]))]);
    const lookup = (area: string, key: string, year: number) => {
      const k = `${key}|${area}|${year}`;
      return valueIndex.has(k) ? valueIndex.get(k) : stored.get(k);
    };
    const plausibility = plausibilityWarnings(checked, (row, key, year) => lookup(row.areaLabel, key, year), options.plausibility);
    if (plausibility.length) {
      report.details.plausibility = plausibility;
      report.warnings.push(`${plausibility.length} plausibility warnings (details.plausibility): 0 in a populous Ortsteil, 0 % after a high share, jumps`);
    }

    // Overlapping files: the losing file's rows are not imported; compare them with the winner.
    for (const l of losers.values()) {
      let same = 0;
      let differ = 0;
      let missing = 0;
      for (const r of l.rows) {
        const v = valueIndex.get(`${l.key}|${r.district}|${r.year}`);
        if (v === undefined) missing++;
        else if (v === r.value) same++;
        else differ++;
      }
      report.skipped.push({
        row: `${l.file} › ${l.sub}`,
        reason: `${l.key} is taken from ${winner.get(l.key)!.file} (higher priority); ${l.rows.length} rows: ${same} equal, ${differ} different, ${missing} not in the winning file`,
      });
      if (differ) report.warnings.push(`${l.file} › ${l.sub}: ${differ} values differ from ${winner.get(l.key)!.file}`);
    }

    // An import does not publish a value that is stored as suppressed (unless confirmed); the seed
    // keeps every later import (upsertValues reports those conflicts).
    const lifted = provenance.origin === 'IMPORT' && !options.overrideConflicts ? await liftsSuppression(tx, values) : new Set<string>();
    const toWrite = lifted.size ? values.filter((v) => !lifted.has(`${v.indicatorId}|${v.areaId}|${v.year}`)) : values;
    if (lifted.size) {
      const keyById = new Map([...indicators.ids].map(([k, id]) => [id, k]));
      const nameById = new Map(areaRows.map((a) => [a.id, a.name]));
      report.details.liftsSuppression = values
        .filter((v) => lifted.has(`${v.indicatorId}|${v.areaId}|${v.year}`))
        .map((v) => `${nameById.get(v.areaId)}, ${keyById.get(v.indicatorId)}, ${v.year}: geheimgehalten, nicht geschrieben (bestätigen mit overrideConflicts) / suppressed, not written (confirm with overrideConflicts)`);
      report.warnings.push(`${lifted.size} values would lift a suppression: not written (details.liftsSuppression)`);
    }
    const { written, conflicts } = await upsertValues(tx, toWrite, provenance, options.batchSize);
    report.written += written;
    report.unchanged += toWrite.length - written - conflicts.length;
    report.details.ortsteilValues = toWrite.length;
    if (conflicts.length) {
      // Later imports (corrections, suppressions) win over the shipped files; every one is listed.
      const keyById = new Map([...indicators.ids].map(([k, id]) => [id, k]));
      const nameById = new Map(areaRows.map((a) => [a.id, a.name]));
      report.details.conflicts = conflicts.map((c) => ({
        indicator: keyById.get(c.indicatorId),
        area: nameById.get(c.areaId),
        year: c.year,
        kept: { value: c.storedValue, status: c.storedStatus, by: c.storedBy, at: c.storedAt },
        notWritten: { value: c.incomingValue, status: c.incomingStatus },
      }));
      report.warnings.push(`${conflicts.length} values were imported later (corrected or suppressed) and differ from the shipped files: kept, not overwritten (details.conflicts)`);
    }

    const derived = await deriveAggregates(tx, { indicatorIds: [...indicators.ids.values()] });
    report.written += derived.written;
    report.details.derived = derived;
    if (derived.incomplete) report.warnings.push(`${derived.incomplete} Stadtbezirk/city values not derived: parts missing`);

    await checks(tx, report);
    if (options.onWrite && !options.dryRun) await options.onWrite(tx, report);
    report.details.seconds = (Date.now() - started) / 1000;
    if (options.dryRun) throw new DryRunRollback(report);
    return report;
  });
  return run.catch((error: unknown) => {
    if (error instanceof DryRunRollback) return error.report;
    throw error;
  });
}

/** Ids of the catalogue's indicators for the mapping's keys; a missing one or another unit is a MappingError. */
async function catalogueIds(tx: Tx, defs: IndicatorDef[], mappingName: string): Promise<Map<string, number>> {
  const rows = await tx.$queryRaw<{ id: number; key: string; unit: string }[]>`SELECT id, key, unit::text FROM indicator WHERE key = ANY(${defs.map((d) => d.key)}::text[])`;
  const byKey = new Map(rows.map((r) => [r.key, r]));
  const problems: MappingProblem[] = [];
  for (const d of defs) {
    const row = byKey.get(d.key);
    const at = `/indicators (${d.key})`;
    if (!row) problems.push({ file: mappingName, path: at, de: `Indikator „${d.key}“ steht nicht im Katalog; neue Indikatoren legt eine Administratorin an`, en: `indicator "${d.key}" is not in the catalogue; an administrator defines new indicators` });
    else if (row.unit !== d.unit) problems.push({ file: mappingName, path: at, de: `Einheit ${d.unit} statt ${row.unit} wie im Katalog`, en: `unit ${d.unit} instead of ${row.unit} as in the catalogue` });
  }
  if (problems.length) throw new MappingError(problems);
  return new Map(rows.map((r) => [r.key, r.id]));
}

/** Stored Ortsteil values (not derived) of these indicators and years, as key|Ortsteil name|year → value. */
async function storedValues(tx: Tx, keys: string[], years: number[]): Promise<Map<string, number | null>> {
  const rows = await tx.$queryRaw<{ k: string; a: string; y: number; value: number | null }[]>`
    SELECT i.key AS k, a.name AS a, v.year AS y, v.value
      FROM indicator_value v JOIN indicator i ON i.id = v.indicator_id JOIN area a ON a.id = v.area_id AND a.level = 'DISTRICT'
     WHERE i.key = ANY(${keys}::text[]) AND v.year = ANY(${years}::int[]) AND NOT v.derived`;
  return new Map(rows.map((r) => [`${r.k}|${r.a}|${r.y}`, r.value]));
}

/** The rows that would publish a value stored (not derived) as suppressed, as indicator|area|year. */
async function liftsSuppression(tx: Tx, values: ValueRow[]): Promise<Set<string>> {
  const open = values.filter((v) => v.status !== 'SUPPRESSED');
  if (!open.length) return new Set();
  const rows = await tx.$queryRaw<{ i: number; a: number; y: number }[]>`
    SELECT v.indicator_id AS i, v.area_id AS a, v.year AS y
      FROM indicator_value v
      JOIN unnest(${open.map((r) => r.indicatorId)}::int[], ${open.map((r) => r.areaId)}::int[], ${open.map((r) => r.year)}::int[]) AS t(i, a, y)
        ON v.indicator_id = t.i AND v.area_id = t.a AND v.year = t.y
     WHERE NOT v.derived AND v.base_status = 'SUPPRESSED'`;
  return new Set(rows.map((r) => `${r.i}|${r.a}|${r.y}`));
}

/** Plausibility checks of the derived totals against what the files offer. */
async function checks(tx: Tx, report: ImportReport): Promise<void> {
  // Published density vs. population / area of our polygons, per Ortsteil, and the city density.
  const density = await tx.$queryRaw<{ year: number; n: number; within5: number; maxdev: number | null; city: number | null }[]>`
    SELECT d.year, count(*)::int AS n,
           count(*) FILTER (WHERE abs(p.value / a.area_km2 - d.value) <= greatest(0.05 * d.value, 1))::int AS within5,
           max(abs(p.value / a.area_km2 - d.value) / NULLIF(d.value, 0)) AS maxdev,
           (SELECT cp.value / ca.area_km2 FROM indicator_value cp JOIN area ca ON ca.id = cp.area_id
             WHERE ca.level = 'CITY' AND cp.indicator_id = (SELECT id FROM indicator WHERE key = 'population') AND cp.year = d.year) AS city
      FROM indicator_value d
      JOIN area a ON a.id = d.area_id AND a.level = 'DISTRICT'
      JOIN indicator_value p ON p.area_id = d.area_id AND p.year = d.year AND p.indicator_id = (SELECT id FROM indicator WHERE key = 'population')
     WHERE d.indicator_id = (SELECT id FROM indicator WHERE key = 'population_density')
     GROUP BY d.year ORDER BY d.year DESC LIMIT 1`;
  if (density[0]) {
    const c = density[0];
    report.details.densityCheck = `${c.year}: population/area_km2 within 5 % of the published Einwohnerdichte for ${c.within5}/${c.n} Ortsteile (max deviation ${((c.maxdev ?? 0) * 100).toFixed(1)} %); derived city density ${c.city?.toFixed(0)} per km² (no published city value in the file)`;
    if (c.within5 < c.n) report.warnings.push(`density check: ${c.n - c.within5} Ortsteile deviate more than 5 % in ${c.year}`);
  }
  // Men + women = total for the derived city values.
  const sex = await tx.$queryRaw<{ n: number; bad: number }[]>`
    SELECT count(*)::int AS n, count(*) FILTER (WHERE abs(t.value - m.value - f.value) > 0.5)::int AS bad
      FROM indicator_value t
      JOIN area a ON a.id = t.area_id AND a.level = 'CITY'
      JOIN indicator_value m ON m.area_id = t.area_id AND m.year = t.year AND m.indicator_id = (SELECT id FROM indicator WHERE key = 'population_male')
      JOIN indicator_value f ON f.area_id = t.area_id AND f.year = t.year AND f.indicator_id = (SELECT id FROM indicator WHERE key = 'population_female')
     WHERE t.indicator_id = (SELECT id FROM indicator WHERE key = 'population')`;
  if (sex[0]?.n) {
    report.details.sexSumCheck = `city population = men + women in ${sex[0].n - sex[0].bad}/${sex[0].n} years`;
    if (sex[0].bad) report.warnings.push(`city population ≠ men + women in ${sex[0].bad} years`);
  }
}
