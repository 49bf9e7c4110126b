import type { PrismaClient } from '@sozialatlas/db';
import DataLoader from 'dataloader';
import type { GeoJsonGeometry } from '../../scalars/geojson';
import { byKey, groupBy } from '../common/group';
import { areasByIds, childrenOf, geometriesOf, labelPointsOf, neighboursOf } from './area.sql';
import type { Area } from './area.type';


export function createAreaLoaders(prisma: PrismaClient) {
  const geometry = new Map<string, DataLoader<number, GeoJsonGeometry | null>>();
  const labelPoint = new Map<number, DataLoader<number, GeoJsonGeometry | null>>();
  return {
    areaById: new DataLoader<number, Area | null>(async (ids) => byKey(ids, await areasByIds(prisma, ids), (a) => a.id)),
    childrenByParentId: new DataLoader<number, Area[]>(async (ids) =>
      groupBy(ids, await childrenOf(prisma, ids), (a) => a.parentId as number),
    ),
    neighboursById: new DataLoader<number, Area[]>(async (ids) =>
      groupBy(ids, await neighboursOf(prisma, ids), (a) => a.ofId),
    ),
    /** One loader per (tolerance, precision), so a whole map's geometry comes in one query. */
    geometry(toleranceM: number, precision: number) {
      const key = `${toleranceM}:${precision}`;
      let loader = geometry.get(key);
      if (!loader) {
        loader = new DataLoader(async (ids) =>
          byKey(ids, await geometriesOf(prisma, ids, toleranceM, precision), (r) => r.id).map((r) =>
            r?.geojson ? (JSON.parse(r.geojson) as GeoJsonGeometry) : null,
          ),
        );
        geometry.set(key, loader);
      }
      return loader;
    },
    labelPoint(precision: number) {
      let loader = labelPoint.get(precision);
      if (!loader) {
        loader = new DataLoader(async (ids) =>
          byKey(ids, await labelPointsOf(prisma, ids, precision), (r) => r.id).map((r) =>
            r?.geojson ? (JSON.parse(r.geojson) as GeoJsonGeometry) : null,
          ),
        );
        labelPoint.set(precision, loader);
      }
      return loader;
    },
  };
}

/** The areas of the ids that exist, ordered by key. */
export async function areasOf(ctx: { loaders: { areaById: DataLoader<number, Area | null> } }, ids: number[]): Promise<Area[]> {
  const areas = await ctx.loaders.areaById.loadMany(ids);
  return areas.filter((a): a is Area => !!a && !(a instanceof Error)).sort((a, b) => a.code.localeCompare(b.code));
}
