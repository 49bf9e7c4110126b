// Writing published indicator values, shared by the seed's statistics importer and the API's value
// import (server/src/modules/imports/indicator-values.import.ts).
import { batches, type Tx } from './transaction';

export interface ValueRow {
  indicatorId: number;
  areaId: number;
  year: number;
  value: number | null;
  status: 'REGULAR' | 'PROVISIONAL' | 'ESTIMATED' | 'SUPPRESSED';
}

/** Batch upsert of non-derived values; returns rows inserted or changed. */
export async function upsertValues(tx: Tx, rows: ValueRow[], batchSize = 10_000): Promise<number> {
  let written = 0;
  for (const [from, to] of batches(rows.length, batchSize)) {
    const b = rows.slice(from, to);
    written += await tx.$executeRaw`
      INSERT INTO indicator_value (indicator_id, area_id, year, value, status, derived)
      SELECT t.i, t.a, t.y, t.v, t.s::value_status, false
        FROM unnest(${b.map((r) => r.indicatorId)}::int[], ${b.map((r) => r.areaId)}::int[], ${b.map((r) => r.year)}::int[],
                    ${b.map((r) => r.value)}::float8[], ${b.map((r) => r.status)}::text[]) AS t(i, a, y, v, s)
      ON CONFLICT (indicator_id, area_id, year) DO UPDATE
         SET value = EXCLUDED.value, status = EXCLUDED.status, derived = false, updated_at = now(), version = indicator_value.version + 1
       WHERE (indicator_value.value, indicator_value.status, indicator_value.derived)
             IS DISTINCT FROM (EXCLUDED.value, EXCLUDED.status, false)`;
  }
  return written;
}
