// Set-based derivation of Stadtbezirk and city values from the values of their parts. One
// INSERT … SELECT … GROUP BY per level of the hierarchy, bottom-up, so a city value is built from
// the (derived) Stadtbezirk values. The API reuses this after edits.
//
// Rules (per parent area, indicator, year):
//   SUM            Σ value of the parts;
//   WEIGHTED_MEAN  Σ(value·weight)/Σ weight, weight = the denominator indicator's value of the part
//                  in the same year;
//   NOT_DERIVABLE  nothing is derived.
// The derived value never pretends: when a part (or its weight) is SUPPRESSED or null, the parent
// gets value null with status SUPPRESSED (secondary suppression); when a part or its weight is
// missing altogether, no parent row is written and the case is counted as `incomplete`. The
// worst status of the parts carries over (ESTIMATED > PROVISIONAL > REGULAR). Published
// (non-derived) values of a parent are never overwritten; derived values whose parts are no longer
// complete are removed, so the function can be re-run after any edit.
import { Prisma, type PrismaClient } from '../../generated/prisma/client';
import type { Tx } from './transaction';

export interface DeriveResult {
  /** derived rows inserted or changed */
  written: number;
  /** derived rows that are SUPPRESSED because a part is */
  suppressed: number;
  /** parent × indicator × year combinations skipped because parts are missing */
  incomplete: number;
  /** stale derived rows removed (their parts are no longer complete) */
  removed: number;
}

/** Parent levels, finest first: planning areas roll up into Ortsteile, those into Stadtbezirke, those into the city. */
const PARENT_LEVELS = ['DISTRICT', 'BOROUGH', 'CITY'] as const;

function aggregated(level: string, indicatorIds: number[] | null): Prisma.Sql {
  return Prisma.sql`
    WITH kids AS (
      SELECT c.parent_id, count(*)::int AS n
        FROM area c JOIN area p ON p.id = c.parent_id
       WHERE p.level = ${level}::area_level
       GROUP BY c.parent_id
    ), parts AS (
      SELECT c.parent_id, i.id AS indicator_id, i.aggregation::text AS rule, v.year, v.value, v.status::text AS status,
             w.value AS w, w.status::text AS wstatus, (w.id IS NOT NULL) AS has_weight
        FROM indicator i
        JOIN indicator_value v ON v.indicator_id = i.id
        JOIN area c ON c.id = v.area_id
        JOIN kids k ON k.parent_id = c.parent_id
        LEFT JOIN indicator_value w
               ON i.aggregation = 'WEIGHTED_MEAN' AND w.indicator_id = i.denominator_id AND w.area_id = v.area_id AND w.year = v.year
       WHERE i.aggregation IN ('SUM', 'WEIGHTED_MEAN')
         AND (${indicatorIds}::int[] IS NULL OR i.id = ANY(${indicatorIds}::int[]))
    ), agg AS (
      SELECT p.parent_id, p.indicator_id, p.year, k.n,
             count(*) FILTER (WHERE p.rule = 'SUM' OR p.has_weight)::int AS complete_parts,
             bool_or(p.status = 'SUPPRESSED' OR p.value IS NULL
                     OR (p.rule = 'WEIGHTED_MEAN' AND p.has_weight AND (p.wstatus = 'SUPPRESSED' OR p.w IS NULL))) AS suppressed,
             max(CASE p.status WHEN 'ESTIMATED' THEN 2 WHEN 'PROVISIONAL' THEN 1 ELSE 0 END) AS worst,
             CASE WHEN p.rule = 'SUM' THEN sum(p.value)
                  ELSE sum(p.value * p.w) / NULLIF(sum(p.w) FILTER (WHERE p.value IS NOT NULL), 0) END AS value
        FROM parts p JOIN kids k ON k.parent_id = p.parent_id
       GROUP BY p.parent_id, p.indicator_id, p.year, p.rule, k.n
    )`;
}

export async function deriveAggregates(
  db: PrismaClient | Tx,
  options: { indicatorIds?: number[] } = {},
): Promise<DeriveResult> {
  const ids = options.indicatorIds ?? null;
  const result: DeriveResult = { written: 0, suppressed: 0, incomplete: 0, removed: 0 };
  for (const level of PARENT_LEVELS) {
    const base = aggregated(level, ids);
    result.written += await db.$executeRaw`
      ${base}
      INSERT INTO indicator_value (indicator_id, area_id, year, value, status, derived)
      SELECT indicator_id, parent_id, year,
             CASE WHEN suppressed THEN NULL ELSE value END,
             (CASE WHEN suppressed THEN 'SUPPRESSED' WHEN worst = 2 THEN 'ESTIMATED' WHEN worst = 1 THEN 'PROVISIONAL' ELSE 'REGULAR' END)::value_status,
             true
        FROM agg
       WHERE complete_parts = n AND (suppressed OR value IS NOT NULL)
      ON CONFLICT (indicator_id, area_id, year) DO UPDATE
         SET value = EXCLUDED.value, status = EXCLUDED.status, updated_at = now(), version = indicator_value.version + 1
       WHERE indicator_value.derived
         AND (indicator_value.value, indicator_value.status) IS DISTINCT FROM (EXCLUDED.value, EXCLUDED.status)`;
    // A derived value whose parts are no longer complete (a part deleted since) must not linger.
    result.removed += await db.$executeRaw`
      ${base}
      DELETE FROM indicator_value v USING area p
       WHERE v.area_id = p.id AND p.level = ${level}::area_level AND v.derived
         AND (${ids}::int[] IS NULL OR v.indicator_id = ANY(${ids}::int[]))
         AND NOT EXISTS (SELECT 1 FROM agg WHERE agg.parent_id = v.area_id AND agg.indicator_id = v.indicator_id AND agg.year = v.year
                            AND agg.complete_parts = agg.n AND (agg.suppressed OR agg.value IS NOT NULL))`;
    const [counts] = await db.$queryRaw<{ incomplete: number; suppressed: number }[]>`
      ${base}
      SELECT count(*) FILTER (WHERE complete_parts < n)::int AS incomplete,
             count(*) FILTER (WHERE complete_parts = n AND suppressed)::int AS suppressed
        FROM agg`;
    result.incomplete += counts!.incomplete;
    result.suppressed += counts!.suppressed;
  }
  return result;
}
