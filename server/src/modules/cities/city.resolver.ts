import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root, type ClassType } from 'type-graphql';
import type { Context } from '../../context';
import { Area } from '../areas/area.type';
import { Source } from '../indicators/indicator.type';
import { allCities, resolveCity, type CityRow } from './city.sql';
import { City, CityGap, CityUnavailable, UnavailableReason } from './city.type';

const NO_STATISTICS: Record<CityGap, [string, string]> = {
  NEED_INDEX: ['Bedarfsindex', 'need index'],
  EARLY_WARNING: ['Frühwarnsystem', 'early warning'],
  GAP_CLASSES: ['Versorgungslücken mit Zielgruppe', 'gap classes with a target population'],
  COVERAGE_RATE: ['Versorgungsquote je 1.000 der Zielgruppe (Angebote werden nur gezählt)', 'coverage rate per 1,000 of the target population (services are only counted)'],
  INDICATOR_MAP: ['Indikatorkarte und Werte je Stadtteil', 'indicator map and values per district'],
  ACCESSIBILITY_DEMAND: ['Erreichbarkeit (E2SFCA) mit Nachfrage der Zielgruppe', 'accessibility (E2SFCA) with the demand of the target population'],
};

/** What cannot be computed for the city (all of it, or only `only`); empty when it has statistics per district. */
export function unavailableFor(city: Pick<CityRow, 'name' | 'districtStatistics'> | undefined, only?: CityGap[]): CityUnavailable[] {
  if (!city || city.districtStatistics) return [];
  return (only ?? (Object.keys(NO_STATISTICS) as CityGap[])).map((what) => ({
    what,
    reason: UnavailableReason.NO_DISTRICT_STATISTICS,
    message: `${NO_STATISTICS[what][0]}: für ${city.name} nicht verfügbar – keine Statistik je Stadtteil.`,
    messageEn: `${NO_STATISTICS[what][1]}: not available for ${city.name} – no statistics per district.`,
  }));
}

/**
 * The `unavailable` field of an analysis answer: what it cannot compute for its city (`city` on the
 * answer; absent: the default city, looked up only when the field is asked for).
 */
export function unavailableFieldFor<T extends { city?: CityRow }>(cls: ClassType<T>, gap: CityGap) {
  @Resolver(() => cls)
  class UnavailableOfAnswer {
    @FieldResolver(() => [CityUnavailable], {
      description: 'What this analysis cannot compute for the city, and why (Chemnitz: no statistics per Stadtteil); empty when nothing is missing.',
    })
    async unavailable(@Root() answer: T, @Ctx() ctx: Context): Promise<CityUnavailable[]> {
      return unavailableFor(answer.city ?? (await resolveCity(ctx.prisma, undefined))?.city, [gap]);
    }
  }
  Object.defineProperty(UnavailableOfAnswer, 'name', { value: `${cls.name}UnavailableResolver` });
  return UnavailableOfAnswer;
}

@Resolver(() => City)
export class CityResolver {
  @Query(() => [City], { description: 'The cities of the hub (Städte), the default city first, then by name.' })
  cities(@Ctx() ctx: Context) {
    return allCities(ctx.prisma);
  }

  @Query(() => City, { nullable: true, description: 'One city by key ("chemnitz") or AGS ("14511000"); absent: the default city. An unknown city is bad input.' })
  async city(@Ctx() ctx: Context, @Arg('city', () => String, { nullable: true }) city?: string) {
    return (await resolveCity(ctx.prisma, city))?.city ?? null;
  }

  @FieldResolver(() => Area, { description: 'The city as an area (level CITY, code = AGS), the root of its areas.' })
  area(@Root() city: City, @Ctx() ctx: Context) {
    return ctx.loaders.areaById.load(city.id);
  }

  @FieldResolver(() => Source, { nullable: true, description: 'Source of `residents` (Destatis Kreis table).' })
  residentsSource(@Root() city: City, @Ctx() ctx: Context) {
    return city.residentsSourceId === null ? null : ctx.loaders.sourceById.load(city.residentsSourceId);
  }

  @FieldResolver(() => Int, { description: 'Number of districts (Ortsteile, Stadtteile) of the city.' })
  async districtCount(@Root() city: City, @Ctx() ctx: Context) {
    const [row] = await ctx.prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM area WHERE city_id = ${city.id}::int AND level = 'DISTRICT'`;
    return row?.n ?? 0;
  }

  @FieldResolver(() => [CityUnavailable], { description: 'What the hub cannot compute for this city, and why (empty: everything).' })
  unavailable(@Root() city: City) {
    return unavailableFor(city);
  }
}
