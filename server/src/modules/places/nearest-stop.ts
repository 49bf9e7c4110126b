// "Distance to the next stop" per E2SFCA demand point (issue 11, item 4): an extra figure next to
// the accessibility, not part of it. The stops are read once per request into a k-d tree, so a
// result with thousands of points costs one query.
import { TransitMode } from '@sozialatlas/db';
import KDBush from 'kdbush';
import { around, distance } from 'geokdbush';
import { Arg, Ctx, FieldResolver, Float, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { AccessibilityPoint } from '../analysis/accessibility/accessibility.type';

interface StopIndex {
  index: KDBush | null;
  stops: { lon: number; lat: number }[];
}

const perRequest = new WeakMap<Context, Map<string, Promise<StopIndex>>>();

function stopIndex(ctx: Context, modes: TransitMode[]): Promise<StopIndex> {
  const key = [...modes].sort().join(',');
  let cache = perRequest.get(ctx);
  if (!cache) perRequest.set(ctx, (cache = new Map()));
  let found = cache.get(key);
  if (!found) {
    found = ctx.prisma.$queryRaw<{ lon: number; lat: number }[]>`
      SELECT ST_X(geom) AS lon, ST_Y(geom) AS lat FROM transit_stop WHERE mode::text = ANY(${modes}::text[])`.then((stops) => {
      if (stops.length === 0) return { index: null, stops };
      const index = new KDBush(stops.length);
      for (const s of stops) index.add(s.lon, s.lat);
      index.finish();
      return { index, stops };
    });
    cache.set(key, found);
  }
  return found;
}

@Resolver(() => AccessibilityPoint)
export class AccessibilityPointStopResolver {
  @FieldResolver(() => Float, {
    nullable: true,
    description:
      'Extra figure, not part of the accessibility: straight-line metres from the demand point to the nearest public transport stop of the given modes (OSM, ODbL); null when there is none. Entfernung zur nächsten Haltestelle.',
  })
  async nearestStopMeters(
    @Root() point: AccessibilityPoint,
    @Ctx() ctx: Context,
    @Arg('modes', () => [TransitMode], { defaultValue: [TransitMode.TRAM, TransitMode.BUS, TransitMode.TRAIN], description: 'Stop modes (default: all).' }) modes: TransitMode[],
  ): Promise<number | null> {
    const { index, stops } = await stopIndex(ctx, modes);
    if (!index) return null;
    const [id] = around(index, point.lon, point.lat, 1);
    if (id === undefined) return null;
    return Math.round(distance(point.lon, point.lat, stops[id]!.lon, stops[id]!.lat) * 1000);
  }
}
