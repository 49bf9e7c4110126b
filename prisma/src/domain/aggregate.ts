// Derived values and suppression (Geheimhaltung) that holds on every path. After any write of
// stored values (seed, CSV import, area import, catalogue edit) call `deriveAggregates` in the same
// transaction with the indicators written: it follows the dependency graph of the catalogue, derives
// again every Stadtbezirk and city value that depends on them (also through weights, numerators
// and denominators), and then recomputes the secondary suppression of every cell connected to them.
//
// Derivation, set-based, one INSERT … SELECT … GROUP BY per level of the hierarchy, bottom-up
// (per parent area, indicator, year):
//   SUM              Σ value of the parts;
//   WEIGHTED_MEAN    Σ(value·weight)/Σ weight, weight = the denominator indicator's value of the part;
//   RATIO_OF_COUNTS  Σ numerator / Σ denominator × the unit's factor (100 for PERCENT, 1,000 for
//                    PER_THOUSAND, else 1) over the parts;
//   NOT_DERIVABLE    nothing is derived.
// The derived value is computed from the true values of the parts, also of suppressed ones (only
// roles that may see suppressed values ever read it); when a part's value is unknown (null) the
// derived value is null. When a part or its weight is missing altogether, no parent row is written
// (`incomplete`). The worst status of the parts carries over (ESTIMATED > PROVISIONAL > REGULAR).
// Published (non-derived) values of a parent are never overwritten; derived values whose parts are
// no longer complete are removed.
//
// Secondary suppression (rule and reasons in docs/methods.md, "Geheimhaltung"): a cell is hidden
// when it is suppressed itself (primary), its value is unknown, or it must be hidden so that no
// hidden cell can be computed back:
//   (a) a weighted mean derived from a hidden part or weight is hidden (it gives the hidden value
//       back through its formula), and so is a ratio of counts whose numerator or denominator in
//       the same area is hidden;
//   (b) every linear relation — a SUM parent with its parts, a declared additive relation
//       (total = Σ parts, same area), a ratio with its numerator and denominator (same area) —
//       has either no hidden cell or at least two: where exactly one is hidden, one more is
//       hidden, parts before totals, the smallest value first.
// Both are applied until nothing changes (the "no singleton" condition of the hypercube method
// in τ-ARGUS). Cells hidden only by this are stored with status SUPPRESSED and
// secondary_suppression = true; their own status stays in base_status and comes back when the
// reason goes away.
import { Prisma, type PrismaClient } from '../../generated/prisma/client';
import type { Tx } from './transaction';

export interface DeriveResult {
  /** derived rows inserted or changed */
  written: number;
  /** cells hidden by secondary suppression after the run (in the years looked at) */
  suppressed: number;
  /** parent × indicator × year combinations skipped because parts are missing */
  incomplete: number;
  /** stale derived rows removed (their parts are no longer complete) */
  removed: number;
  /** cells whose secondary suppression was switched on or off */
  suppressionChanged: number;
}

export interface DeriveOptions {
  /** the indicators whose stored values changed; default: all. Their dependants are added. */
  indicatorIds?: number[];
  /** restrict to these years (the years written); default: all */
  years?: number[];
}

/** Parent levels, finest first: planning areas roll up into Ortsteile, those into Stadtbezirke, those into the city. */
const PARENT_LEVELS = ['DISTRICT', 'BOROUGH', 'CITY'] as const;

const RANK = Prisma.sql`CASE WHEN p.status = 'ESTIMATED' THEN 2 WHEN p.status = 'PROVISIONAL' THEN 1 ELSE 0 END`;

function aggregated(level: string, indicatorIds: number[] | null, years: number[] | null): Prisma.Sql {
  return Prisma.sql`
    WITH kids AS (
      SELECT c.parent_id, count(*)::int AS n
        FROM area c JOIN area p ON p.id = c.parent_id
       WHERE p.level = ${level}::area_level
       GROUP BY c.parent_id
    ), scope AS (
      SELECT * FROM indicator i
       WHERE i.aggregation IN ('SUM', 'WEIGHTED_MEAN', 'RATIO_OF_COUNTS')
         AND (${indicatorIds}::int[] IS NULL OR i.id = ANY(${indicatorIds}::int[]))
    ), parts AS (
      -- SUM and WEIGHTED_MEAN: the indicator's own values of the parts (and the weight of each)
      SELECT c.parent_id, i.id AS indicator_id, i.aggregation::text AS rule, v.year, v.value AS x, w.value AS w,
             (i.aggregation = 'SUM' OR w.id IS NOT NULL) AS complete, v.base_status::text AS status, w.base_status::text AS wstatus
        FROM scope i
        JOIN indicator_value v ON v.indicator_id = i.id
        JOIN area c ON c.id = v.area_id
        JOIN kids k ON k.parent_id = c.parent_id
        LEFT JOIN indicator_value w
               ON i.aggregation = 'WEIGHTED_MEAN' AND w.indicator_id = i.denominator_id AND w.area_id = v.area_id AND w.year = v.year
       WHERE i.aggregation IN ('SUM', 'WEIGHTED_MEAN') AND (${years}::int[] IS NULL OR v.year = ANY(${years}::int[]))
      UNION ALL
      -- RATIO_OF_COUNTS: numerator and denominator of each part
      SELECT c.parent_id, i.id, 'RATIO_OF_COUNTS', n.year, n.value, d.value, d.id IS NOT NULL, n.base_status::text, d.base_status::text
        FROM scope i
        JOIN indicator_value n ON n.indicator_id = i.numerator_id
        JOIN area c ON c.id = n.area_id
        JOIN kids k ON k.parent_id = c.parent_id
        LEFT JOIN indicator_value d ON d.indicator_id = i.denominator_id AND d.area_id = n.area_id AND d.year = n.year
       WHERE i.aggregation = 'RATIO_OF_COUNTS' AND (${years}::int[] IS NULL OR n.year = ANY(${years}::int[]))
    ), agg AS (
      SELECT p.parent_id, p.indicator_id, p.year, k.n,
             count(*) FILTER (WHERE p.complete)::int AS complete_parts,
             bool_or(p.x IS NULL OR (p.rule <> 'SUM' AND p.complete AND p.w IS NULL)) AS unknown,
             greatest(max(${RANK}), max(CASE WHEN p.wstatus = 'ESTIMATED' THEN 2 WHEN p.wstatus = 'PROVISIONAL' THEN 1 ELSE 0 END)) AS worst,
             CASE WHEN p.rule = 'SUM' THEN sum(p.x)
                  WHEN p.rule = 'WEIGHTED_MEAN' THEN sum(p.x * p.w) / NULLIF(sum(p.w), 0)
                  ELSE sum(p.x) / NULLIF(sum(p.w), 0)
                       * (SELECT CASE s.unit WHEN 'PERCENT' THEN 100 WHEN 'PER_THOUSAND' THEN 1000 ELSE 1 END FROM scope s WHERE s.id = p.indicator_id)
             END AS value
        FROM parts p JOIN kids k ON k.parent_id = p.parent_id
       GROUP BY p.parent_id, p.indicator_id, p.year, p.rule, k.n
    ), result AS (
      SELECT parent_id, indicator_id, year, CASE WHEN unknown THEN NULL ELSE value END AS value,
             (CASE WHEN worst = 2 THEN 'ESTIMATED' WHEN worst = 1 THEN 'PROVISIONAL' ELSE 'REGULAR' END)::value_status AS base_status
        FROM agg
       WHERE complete_parts = n AND (unknown OR value IS NOT NULL)
    )`;
}

/**
 * The indicators whose derived values or suppression can change when the stored values of `ids`
 * change: the dependency graph of the catalogue (weights, numerators, denominators, additive
 * relations), followed transitively.
 */
export async function dependentIndicators(db: PrismaClient | Tx, ids: number[]): Promise<number[]> {
  const rows = await db.$queryRaw<{ id: number }[]>`
    WITH RECURSIVE edge(a, b) AS (
      SELECT denominator_id, id FROM indicator WHERE denominator_id IS NOT NULL
      UNION ALL SELECT numerator_id, id FROM indicator WHERE numerator_id IS NOT NULL
      -- a hidden ratio can make its numerator or denominator need hiding (same area)
      UNION ALL SELECT id, numerator_id FROM indicator WHERE aggregation = 'RATIO_OF_COUNTS' AND numerator_id IS NOT NULL
      UNION ALL SELECT id, denominator_id FROM indicator WHERE aggregation = 'RATIO_OF_COUNTS' AND denominator_id IS NOT NULL
      UNION ALL SELECT r.total_id, p.part_id FROM indicator_relation r JOIN indicator_relation_part p ON p.relation_id = r.id
      UNION ALL SELECT p.part_id, r.total_id FROM indicator_relation r JOIN indicator_relation_part p ON p.relation_id = r.id
    ), reach(id) AS (
      SELECT unnest(${ids}::int[])
      UNION SELECT e.b FROM edge e JOIN reach r ON r.id = e.a
    )
    SELECT id FROM reach ORDER BY id`;
  return rows.map((r) => r.id);
}

export async function deriveAggregates(db: PrismaClient | Tx, options: DeriveOptions = {}): Promise<DeriveResult> {
  const ids = options.indicatorIds ? await dependentIndicators(db, options.indicatorIds) : null;
  const years = options.years ?? null;
  const result: DeriveResult = { written: 0, suppressed: 0, incomplete: 0, removed: 0, suppressionChanged: 0 };
  for (const level of PARENT_LEVELS) {
    const base = aggregated(level, ids, years);
    result.written += await db.$executeRaw`
      ${base}
      INSERT INTO indicator_value (indicator_id, area_id, year, value, status, base_status, derived, origin, origin_label)
      SELECT indicator_id, parent_id, year, value, base_status, base_status, true, 'DERIVED', 'Aggregationsregel des Indikators'
        FROM result
      ON CONFLICT (indicator_id, area_id, year) DO UPDATE
         SET value = EXCLUDED.value, base_status = EXCLUDED.base_status,
             status = CASE WHEN indicator_value.secondary_suppression THEN 'SUPPRESSED'::value_status ELSE EXCLUDED.base_status END,
             origin_at = now(), updated_at = now(), version = indicator_value.version + 1
       WHERE indicator_value.derived
         AND (indicator_value.value, indicator_value.base_status) IS DISTINCT FROM (EXCLUDED.value, EXCLUDED.base_status)`;
    // A derived value whose parts are no longer complete (a part deleted since) must not linger.
    result.removed += await db.$executeRaw`
      ${base}
      DELETE FROM indicator_value v USING area p
       WHERE v.area_id = p.id AND p.level = ${level}::area_level AND v.derived
         AND (${ids}::int[] IS NULL OR v.indicator_id = ANY(${ids}::int[]))
         AND (${years}::int[] IS NULL OR v.year = ANY(${years}::int[]))
         AND NOT EXISTS (SELECT 1 FROM result r WHERE r.parent_id = v.area_id AND r.indicator_id = v.indicator_id AND r.year = v.year)`;
    const [counts] = await db.$queryRaw<{ incomplete: number }[]>`
      ${base}
      SELECT count(*) FILTER (WHERE complete_parts < n)::int AS incomplete FROM agg`;
    result.incomplete += counts!.incomplete;
  }
  const suppression = await applySecondarySuppression(db, ids, years);
  result.suppressed = suppression.hidden;
  result.suppressionChanged = suppression.changed;
  return result;
}

// ---------------------------------------------------------------------------------------------
// Secondary suppression

export interface Cell {
  id: number;
  indicatorId: number;
  areaId: number;
  value: number | null;
  /** base_status: the cell's own status */
  status: string;
  derived: boolean;
  secondary: boolean;
}

export interface SuppressionModel {
  areas: { id: number; parentId: number | null }[];
  indicators: { id: number; aggregation: string; denominatorId: number | null; numeratorId: number | null }[];
  relations: { totalId: number; partIds: number[] }[];
}

/** A linear relation among cells of one year: `first` are hidden first when one more cell must go. */
interface Group {
  cells: string[];
  first: Set<string>;
}

const keyOf = (indicatorId: number, areaId: number) => `${indicatorId}:${areaId}`;

/**
 * The cells of one year that must be hidden (primary, unknown and secondary), by rules (a) and (b)
 * above. Pure: the same cells and catalogue give the same answer.
 */
export function hiddenCells(cells: Cell[], model: SuppressionModel): Set<string> {
  const byKey = new Map(cells.map((c) => [keyOf(c.indicatorId, c.areaId), c]));
  const children = new Map<number, number[]>();
  for (const a of model.areas) if (a.parentId !== null) children.set(a.parentId, [...(children.get(a.parentId) ?? []), a.id]);
  const hidden = new Set<string>();
  for (const [k, c] of byKey) if (c.status === 'SUPPRESSED' || c.value === null) hidden.add(k);

  const groups: Group[] = [];
  // (a) a derived weighted mean / ratio and the cells it is computed from
  const formulas: { cell: string; inputs: string[] }[] = [];
  const areaIds = model.areas.map((a) => a.id);
  for (const i of model.indicators) {
    for (const [parent, kids] of children) {
      // published parent values count as well as derived ones: both tie the parts together
      if (!byKey.has(keyOf(i.id, parent))) continue;
      if (i.aggregation === 'SUM') {
        const parts = kids.map((c) => keyOf(i.id, c));
        if (parts.every((p) => byKey.has(p))) groups.push({ cells: [keyOf(i.id, parent), ...parts], first: new Set(parts) });
      } else if (i.aggregation === 'WEIGHTED_MEAN' && i.denominatorId !== null) {
        formulas.push({ cell: keyOf(i.id, parent), inputs: kids.flatMap((c) => [keyOf(i.id, c), keyOf(i.denominatorId!, c)]) });
      }
      // A derived ratio of counts depends only on the parent's own numerator and denominator
      // (Σ over the parts): it is handled by the same-area rule below, not by the parts.
    }
    // A ratio with its numerator and denominator in one area: any two give the third. The ratio
    // is hidden when either count is (with a further relation the two hidden counts could be
    // solved from the ratio), and a hidden ratio needs one hidden count.
    if (i.aggregation === 'RATIO_OF_COUNTS' && i.numeratorId !== null && i.denominatorId !== null) {
      for (const a of areaIds) {
        const triple = [keyOf(i.id, a), keyOf(i.numeratorId, a), keyOf(i.denominatorId, a)];
        if (!triple.every((k) => byKey.has(k))) continue;
        formulas.push({ cell: triple[0]!, inputs: [triple[1]!, triple[2]!] });
        groups.push({ cells: triple, first: new Set([triple[0]!]) });
      }
    }
  }
  // (b) declared additive relations, per area
  for (const r of model.relations) {
    for (const a of areaIds) {
      const parts = r.partIds.map((p) => keyOf(p, a));
      const cellsOf = [keyOf(r.totalId, a), ...parts];
      if (cellsOf.every((k) => byKey.has(k))) groups.push({ cells: cellsOf, first: new Set(parts) });
    }
  }

  const order = (g: Group) => (a: string, b: string) => {
    const fa = g.first.has(a) ? 0 : 1;
    const fb = g.first.has(b) ? 0 : 1;
    if (fa !== fb) return fa - fb;
    const va = Math.abs(byKey.get(a)!.value ?? 0);
    const vb = Math.abs(byKey.get(b)!.value ?? 0);
    return va !== vb ? va - vb : byKey.get(a)!.id - byKey.get(b)!.id;
  };
  for (let changed = true; changed; ) {
    changed = false;
    for (const f of formulas) {
      if (!hidden.has(f.cell) && f.inputs.some((k) => hidden.has(k))) {
        hidden.add(f.cell);
        changed = true;
      }
    }
    for (const g of groups) {
      const open = g.cells.filter((k) => !hidden.has(k));
      if (g.cells.length - open.length !== 1 || open.length === 0) continue;
      hidden.add(open.sort(order(g))[0]!);
      changed = true;
    }
  }
  return hidden;
}

/** Recomputes secondary suppression for the indicators `ids` (null: all) in the years that have any hidden cell. */
async function applySecondarySuppression(db: PrismaClient | Tx, ids: number[] | null, years: number[] | null): Promise<{ hidden: number; changed: number }> {
  const affected = await db.$queryRaw<{ year: number }[]>`
    SELECT DISTINCT year FROM indicator_value
     WHERE (${ids}::int[] IS NULL OR indicator_id = ANY(${ids}::int[]))
       AND (${years}::int[] IS NULL OR year = ANY(${years}::int[]))
       AND (status = 'SUPPRESSED' OR value IS NULL)
     ORDER BY year`;
  if (affected.length === 0) return { hidden: 0, changed: 0 };
  const [areas, indicators, relations] = await Promise.all([
    db.$queryRaw<SuppressionModel['areas']>`SELECT id, parent_id AS "parentId" FROM area`,
    db.$queryRaw<SuppressionModel['indicators']>`
      SELECT id, aggregation::text AS aggregation, denominator_id AS "denominatorId", numerator_id AS "numeratorId"
        FROM indicator WHERE ${ids}::int[] IS NULL OR id = ANY(${ids}::int[])`,
    db.$queryRaw<SuppressionModel['relations']>`
      SELECT r.total_id AS "totalId", array_agg(p.part_id ORDER BY p.part_id) AS "partIds"
        FROM indicator_relation r JOIN indicator_relation_part p ON p.relation_id = r.id
       WHERE ${ids}::int[] IS NULL OR r.total_id = ANY(${ids}::int[])
       GROUP BY r.id`,
  ]);
  const model: SuppressionModel = { areas, indicators, relations };
  let hiddenCount = 0;
  const updates: { id: number; secondary: boolean }[] = [];
  for (const { year } of affected) {
    const cells = await db.$queryRaw<Cell[]>`
      SELECT id, indicator_id AS "indicatorId", area_id AS "areaId", value, base_status::text AS status, derived,
             secondary_suppression AS secondary
        FROM indicator_value
       WHERE year = ${year} AND (${ids}::int[] IS NULL OR indicator_id = ANY(${ids}::int[]))`;
    const hidden = hiddenCells(cells, model);
    for (const c of cells) {
      const own = c.status === 'SUPPRESSED' || (c.value === null && !c.derived);
      const secondary = hidden.has(keyOf(c.indicatorId, c.areaId)) && !own;
      if (secondary) hiddenCount++;
      if (secondary !== c.secondary) updates.push({ id: c.id, secondary });
    }
  }
  if (updates.length) {
    await db.$executeRaw`
      UPDATE indicator_value v
         SET secondary_suppression = t.s,
             status = CASE WHEN t.s THEN 'SUPPRESSED'::value_status ELSE v.base_status END,
             updated_at = now(), version = v.version + 1
        FROM unnest(${updates.map((u) => u.id)}::int[], ${updates.map((u) => u.secondary)}::boolean[]) AS t(id, s)
       WHERE v.id = t.id`;
  }
  return { hidden: hiddenCount, changed: updates.length };
}
