import type { PrismaClient } from '@sozialatlas/db';
import DataLoader from 'dataloader';
import type { Caller } from '../auth/caller';
import { byKey, groupBy } from '../common/group';
import { seriesByKeys, valuesByKeys, type ValueKey, type ValueRow } from './indicator.sql';
import type { Indicator, Source } from './indicator.type';

const valueKey = (k: ValueKey) => `${k.areaId}|${k.indicatorId}|${k.year}`;
const seriesKey = (k: { areaId: number; indicatorId: number }) => `${k.areaId}|${k.indicatorId}`;

export function createIndicatorLoaders(prisma: PrismaClient, caller: Caller) {
  const indicatorByKey = new DataLoader<string, Indicator | null>(async (keys) =>
    byKey(keys, (await prisma.indicator.findMany({ where: { key: { in: [...keys] } } })) as Indicator[], (i) => i.key),
  );
  const indicatorById = new DataLoader<number, Indicator | null>(async (ids) =>
    byKey(ids, (await prisma.indicator.findMany({ where: { id: { in: [...ids] } } })) as Indicator[], (i) => i.id),
  );
  return {
    indicatorByKey,
    indicatorById,
    sourceById: new DataLoader<number, Source | null>(async (ids) => {
      const rows = await prisma.source.findMany({ where: { id: { in: [...ids] } } });
      return byKey(
        ids,
        rows,
        (s) => s.id,
      );
    }),
    value: new DataLoader<ValueKey, ValueRow | null, string>(
      async (keys) => byKey(keys.map(valueKey), await valuesByKeys(prisma, keys, caller), valueKey),
      { cacheKeyFn: valueKey },
    ),
    series: new DataLoader<{ areaId: number; indicatorId: number }, ValueRow[], string>(
      async (keys) => groupBy(keys.map(seriesKey), await seriesByKeys(prisma, keys, caller), seriesKey),
      { cacheKeyFn: seriesKey },
    ),
  };
}
