import type { PrismaClient } from '@sozialatlas/db';
import DataLoader from 'dataloader';
import type { Caller } from '../auth/caller';
import type { GeoJsonGeometry } from '../../scalars/geojson';
import { byKey, groupBy } from '../common/group';
import {
  categoriesByIds,
  categoryStats,
  locationPoints,
  locationsByServiceIds,
  normsByCategoryIds,
  servicesByIds,
  servicesByLocationIds,
  servicesByProviderIds,
  type CategoryStatRow,
} from './service.sql';
import type { CoverageNorm, Location, Service, ServiceCategory } from './service.type';

export function createServiceLoaders(prisma: PrismaClient, caller: Caller) {
  const points = new Map<number, DataLoader<number, GeoJsonGeometry | null>>();
  const stats = new Map<string, DataLoader<number, CategoryStatRow[]>>();
  return {
    serviceById: new DataLoader<number, Service | null>(async (ids) => byKey(ids, await servicesByIds(prisma, ids, caller), (s) => s.id)),
    servicesByProviderId: new DataLoader<number, Service[]>(async (ids) =>
      groupBy(ids, await servicesByProviderIds(prisma, ids, caller), (s) => s.providerId as number),
    ),
    servicesByLocationId: new DataLoader<number, Service[]>(async (ids) =>
      groupBy(ids, await servicesByLocationIds(prisma, ids, caller), (s) => s.locationId),
    ),
    locationsByServiceId: new DataLoader<number, Location[]>(async (ids) =>
      groupBy(ids, await locationsByServiceIds(prisma, ids), (l) => l.serviceId),
    ),
    categoryById: new DataLoader<number, ServiceCategory | null>(async (ids) => byKey(ids, await categoriesByIds(prisma, ids), (c) => c.id)),
    normByCategoryId: new DataLoader<number, CoverageNorm | null>(async (ids) =>
      byKey(ids, await normsByCategoryIds(prisma, ids), (n) => n.categoryId),
    ),
    /** One loader per precision, so all points of a page come in one query. */
    locationPoint(precision: number) {
      let loader = points.get(precision);
      if (!loader) {
        loader = new DataLoader(async (ids) =>
          byKey(ids, await locationPoints(prisma, ids, precision), (r) => r.id).map((r) =>
            r?.geojson ? (JSON.parse(r.geojson) as GeoJsonGeometry) : null,
          ),
        );
        points.set(precision, loader);
      }
      return loader;
    },
    /** One loader per (statuses, categories): the statistics of all requested areas in one query. */
    categoryStats(statuses: string[], categoryKeys: string[] | undefined) {
      const key = JSON.stringify([[...statuses].sort(), categoryKeys ? [...categoryKeys].sort() : null]);
      let loader = stats.get(key);
      if (!loader) {
        loader = new DataLoader(async (ids) =>
          groupBy(ids, await categoryStats(prisma, ids, statuses, categoryKeys, caller), (r) => r.areaId),
        );
        stats.set(key, loader);
      }
      return loader;
    },
  };
}
