// Writing published indicator values with provenance, shared by the seed's statistics importer and
// the API's value import (server/src/modules/imports/indicator-values.import.ts).
import { Prisma } from '../../generated/prisma/client';
import { batches, type Tx } from './transaction';

export interface ValueRow {
  indicatorId: number;
  areaId: number;
  year: number;
  value: number | null;
  status: 'REGULAR' | 'PROVISIONAL' | 'ESTIMATED' | 'SUPPRESSED';
}

/** Who writes stored values: the seed, or an import (CSV through the API or the CLI) by someone. */
export interface Provenance {
  origin: 'SEED' | 'IMPORT';
  /** e.g. the source title, or the e-mail / key name of whoever imported */
  label: string;
}

/** A stored value the seed did not overwrite because it was imported (corrected or suppressed) later. */
export interface ValueConflict {
  indicatorId: number;
  areaId: number;
  year: number;
  storedValue: number | null;
  storedStatus: string;
  storedBy: string | null;
  storedAt: Date;
  incomingValue: number | null;
  incomingStatus: string;
}

/**
 * Batch upsert of non-derived values with provenance. The seed never overwrites a value whose
 * origin is IMPORT (a later correction or suppression): such rows are returned as conflicts when
 * they differ. An import writes what it is given (the import decides its own conflicts first).
 * Secondary suppression stays as it is: deriveAggregates recomputes it in the same transaction.
 */
export async function upsertValues(
  tx: Tx,
  rows: ValueRow[],
  provenance: Provenance,
  batchSize = 10_000,
): Promise<{ written: number; conflicts: ValueConflict[] }> {
  let written = 0;
  const conflicts: ValueConflict[] = [];
  for (const [from, to] of batches(rows.length, batchSize)) {
    const b = rows.slice(from, to);
    const input = Prisma.sql`unnest(${b.map((r) => r.indicatorId)}::int[], ${b.map((r) => r.areaId)}::int[], ${b.map((r) => r.year)}::int[],
                    ${b.map((r) => r.value)}::float8[], ${b.map((r) => r.status)}::text[]) AS t(i, a, y, v, s)`;
    if (provenance.origin === 'SEED') {
      conflicts.push(
        ...(await tx.$queryRaw<ValueConflict[]>`
          SELECT v.indicator_id AS "indicatorId", v.area_id AS "areaId", v.year, v.value AS "storedValue", v.base_status::text AS "storedStatus",
                 v.origin_label AS "storedBy", v.origin_at AS "storedAt", t.v AS "incomingValue", t.s AS "incomingStatus"
            FROM ${input} JOIN indicator_value v ON v.indicator_id = t.i AND v.area_id = t.a AND v.year = t.y
           WHERE v.origin = 'IMPORT' AND (v.value, v.base_status) IS DISTINCT FROM (t.v, t.s::value_status)
           ORDER BY v.indicator_id, v.area_id, v.year`),
      );
    }
    written += await tx.$executeRaw`
      INSERT INTO indicator_value (indicator_id, area_id, year, value, status, base_status, derived, origin, origin_label)
      SELECT t.i, t.a, t.y, t.v, t.s::value_status, t.s::value_status, false, ${provenance.origin}::value_origin, ${provenance.label}
        FROM ${input}
      ON CONFLICT (indicator_id, area_id, year) DO UPDATE
         SET value = EXCLUDED.value, base_status = EXCLUDED.base_status,
             status = CASE WHEN indicator_value.secondary_suppression THEN 'SUPPRESSED'::value_status ELSE EXCLUDED.base_status END,
             derived = false, origin = EXCLUDED.origin, origin_label = EXCLUDED.origin_label, origin_at = now(),
             updated_at = now(), version = indicator_value.version + 1
       WHERE (EXCLUDED.origin = 'IMPORT' OR indicator_value.origin <> 'IMPORT')
         AND (indicator_value.value, indicator_value.base_status, indicator_value.derived)
             IS DISTINCT FROM (EXCLUDED.value, EXCLUDED.base_status, false)`;
  }
  // A city gets statistics per district with its first value below the city level (a third city
  // imports its values after its areas): the analyses then use them instead of answering
  // `unavailable`. A city total alone is not a figure per district.
  const areaIds = [...new Set(rows.map((r) => r.areaId))];
  if (areaIds.length)
    await tx.$executeRaw`
      UPDATE city SET district_statistics = true
       WHERE NOT district_statistics
         AND area_id IN (SELECT a.city_id FROM area a WHERE a.id = ANY(${areaIds}::int[]) AND a.level <> 'CITY')`;
  return { written, conflicts };
}
