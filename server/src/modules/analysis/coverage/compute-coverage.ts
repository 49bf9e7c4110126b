import { COVERAGE_METHOD, type CoverageRow } from '../../../analysis';
import { type Context } from '../../../context';
import { reason, requireYear, withMethod } from '../analysis.common';
import { loadCoverage } from '../analysis.data';
import { CoverageArgs } from './coverage.args';
import { CoverageResultType, CoverageRowType } from './coverage.type';
import { areaIdOf } from '../../areas/area-id';

export function coverageRowOut(row: CoverageRow, c: { targetIndicatorKey: string | null; targetDescription: string | null; origin: string | null }): CoverageRowType {
  const unknown = row.services > 0 && row.servicesWithoutCapacity === row.services;
  const P = row.targetPopulation;
  return {
    areaId: areaIdOf(row.areaId),
    category: row.category,
    services: row.services,
    capacity: unknown ? null : row.capacity,
    capacityKnown: !unknown,
    capacityComplete: row.capacityComplete,
    servicesWithoutCapacity: row.servicesWithoutCapacity,
    targetPopulation: P,
    targetIndicatorKey: c.targetIndicatorKey ?? '',
    targetDescription: c.targetDescription ?? '',
    ratioPer1000: unknown ? null : row.ratioPer1000,
    servicesPer1000: P !== null && P > 0 ? (1000 * row.services) / P : null,
    norm: row.norm,
    required: row.required,
    gap: unknown ? null : row.gap,
    coveragePercent: unknown ? null : row.coveragePercent,
    reason: reason(row.reason ?? (unknown ? 'CAPACITY_UNKNOWN' : null)),
    normOrigin: c.origin ?? '',
  };
}

export async function computeCoverageAnswer(ctx: Context, args: CoverageArgs): Promise<CoverageResultType> {
  requireYear(args.year, 'year');
  const data = await loadCoverage(ctx, args);
  const catBy = new Map(data.categories.map((c) => [c.key, c]));
  const serviceOf = new Map(data.services.map((s) => [String(s.pieceId), s.serviceId]));
  return {
    method: withMethod(COVERAGE_METHOD, {
      de: 'Angebote ohne Kapazitätsangabe werden gezählt, ihre Kapazität nicht; ohne jede Kapazitätsangabe ist die Kapazität unbekannt (null).',
      en: 'Services without capacity are counted, their capacity is not; with no capacity recorded at all, capacity is unknown (null).',
    }),
    parameters: {
      level: args.level,
      year: args.year,
      categories: data.categories.map((c) => ({
        key: c.key,
        name: c.name,
        norm: {
          perThousand: c.perThousand!,
          targetIndicatorKey: c.targetIndicatorKey!,
          targetDescription: c.targetDescription!,
          origin: c.origin!,
          zoneRadiiM: c.zoneRadiiM ?? [],
          zoneWeights: c.zoneWeights ?? [],
        },
      })),
    },
    rows: data.result.rows.map((r) => coverageRowOut(r, catBy.get(r.category)!)),
    unassignedServiceIds: [...new Set(data.result.unassignedServices.map((id) => serviceOf.get(String(id)) ?? Number(id)))],
  };
}
