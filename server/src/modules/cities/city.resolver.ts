import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root, type ClassType } from 'type-graphql';
import type { Context } from '../../context';
import { Area } from '../areas/area.type';
import { Source } from '../indicators/indicator.type';
import { allCities, resolveCity, type CityRow } from './city.sql';
import { addressTableCovers } from '../geocoding/geocoding.resolver';
import { noAddressTable } from '../geocoding/address-geocoder';
import { City, CityGap, CityLevel, CityMissingLevel, CityUnavailable, PlaceLayer, UnavailableReason } from './city.type';

/** The figures that need statistics per district (all but the budget). */
type StatisticsGap = Exclude<CityGap, CityGap.BUDGET | CityGap.ADDRESS_SEARCH>;

const NO_STATISTICS: Record<StatisticsGap, [string, string]> = {
  NEED_INDEX: ['Bedarfsindex', 'need index'],
  EARLY_WARNING: ['Frühwarnsystem', 'early warning'],
  GAP_CLASSES: ['Versorgungslücken mit Zielgruppe', 'gap classes with a target population'],
  COVERAGE_RATE: ['Versorgungsquote je 1.000 der Zielgruppe (Angebote werden nur gezählt)', 'coverage rate per 1,000 of the target population (services are only counted)'],
  INDICATOR_MAP: ['Indikatorkarte und Werte je Stadtteil', 'indicator map and values per district'],
  ACCESSIBILITY_DEMAND: ['Erreichbarkeit (E2SFCA) mit Nachfrage der Zielgruppe', 'accessibility (E2SFCA) with the demand of the target population'],
  FUNDING_PER_RESIDENT: ['Förderung je Einwohner und je Person der Zielgruppe, Abgleich mit dem Bedarf', 'funding per resident and per target person, comparison with need'],
  SCENARIO_DEMAND: ['Szenario mit Versorgungsquote, Erreichbarkeit und Lückenklasse', 'scenario with coverage rate, accessibility and gap class'],
};

/** Generic names of the levels (plural, singular, English), for the missing-level texts and a city that names none of its own. */
const LEVEL_NAMES: Record<string, [string, string, string]> = {
  CITY: ['Stadt', 'Stadt', 'city'],
  BOROUGH: ['Stadtbezirke', 'Stadtbezirk', 'boroughs (Stadtbezirke)'],
  DISTRICT: ['Ortsteile bzw. Stadtteile', 'Ortsteil bzw. Stadtteil', 'districts (Ortsteile, Stadtteile)'],
  PLANNING_AREA: ['Planungsräume', 'Planungsraum', 'planning areas (Planungsräume)'],
};

/** The city's own names of a level, else the generic ones. */
export function levelNameOf(city: Pick<CityRow, 'levelNames'>, level: string): { name: string; nameSingular: string; nameEn: string } {
  const own = city.levelNames?.[level];
  if (own) return { name: own.de, nameSingular: own.deSingular, nameEn: own.en };
  const [name, nameSingular, nameEn] = LEVEL_NAMES[level] ?? [level, level, level];
  return { name, nameSingular, nameEn };
}

function noBudget(city: Pick<CityRow, 'name'>): CityUnavailable {
  return {
    what: CityGap.BUDGET,
    reason: UnavailableReason.NO_BUDGET,
    message: `Haushalt: für ${city.name} liegt kein Haushaltsplan vor; es werden keine Zahlen einer anderen Stadt gezeigt.`,
    messageEn: `budget: no budget plan of ${city.name} is held; no other city's figures are shown.`,
  };
}

function noAddressSearch(city: Pick<CityRow, 'name'>): CityUnavailable {
  return {
    what: CityGap.ADDRESS_SEARCH,
    reason: UnavailableReason.NO_ADDRESS_TABLE,
    message: noAddressTable(city.name),
    messageEn: `address search: no address table of ${city.name} is held; addresses there are placed on the map by hand.`,
  };
}

/** What cannot be computed for the city (all of it, or only `only`); empty when it has statistics per district. */
export function unavailableFor(city: Pick<CityRow, 'name' | 'districtStatistics'> | undefined, only?: StatisticsGap[]): CityUnavailable[] {
  if (!city || city.districtStatistics) return [];
  return (only ?? (Object.keys(NO_STATISTICS) as StatisticsGap[])).map((what) => ({
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
export function unavailableFieldFor<T extends { city?: CityRow }>(cls: ClassType<T>, gap: StatisticsGap) {
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

@Resolver(() => PlaceLayer)
export class PlaceLayerResolver {
  @FieldResolver(() => Source, { description: 'Source, licence and attribution of the layer (Quelle), to show on the map.' })
  source(@Root() layer: PlaceLayer, @Ctx() ctx: Context) {
    return ctx.loaders.sourceById.load(layer.sourceId);
  }
}

@Resolver(() => City)
export class CityResolver {
  @Query(() => [City], { description: 'The cities of the hub (Städte), the default city first, then by name.' })
  cities(@Ctx() ctx: Context) {
    return allCities(ctx.prisma);
  }

  @Query(() => City, { nullable: true, description: 'One city by key ("chemnitz") or AGS ("14511000"); absent: the default city. An unknown city is bad input.' })
  async city(@Ctx() ctx: Context, @Arg('city', () => String, { nullable: true, description: 'City key ("leipzig") or AGS ("14713000"); absent: the default city.' }) city?: string) {
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

  @FieldResolver(() => [CityLevel], { description: 'The area levels below the city that it has, in hierarchy order, with their number of areas and the city’s names of them (Ebenen).' })
  async levels(@Root() city: City, @Ctx() ctx: Context): Promise<CityLevel[]> {
    const rows = await ctx.loaders.levelsByCityId.load(city.id);
    return rows.map((r) => ({ level: r.level as CityLevel['level'], count: r.count, ...levelNameOf(city, r.level) }));
  }

  @FieldResolver(() => [CityMissingLevel], {
    description: 'The levels another city of the hub has but this one lacks, and why (fehlende Ebenen): `areas` of such a level answers an empty list for the city.',
  })
  async missingLevels(@Root() city: City, @Ctx() ctx: Context): Promise<CityMissingLevel[]> {
    const [has, hub] = await Promise.all([ctx.loaders.levelsByCityId.load(city.id), ctx.loaders.hubLevels.load('all')]);
    return hub
      .filter((level) => !has.some((l) => l.level === level))
      .map((level) => {
        const [de, , en] = LEVEL_NAMES[level] ?? [level, level, level];
        return {
          level: level as CityLevel['level'],
          reason: UnavailableReason.NO_LEVEL,
          message: `Für ${city.name} liegen keine ${de} vor: diese Ebene bleibt leer.`,
          messageEn: `No ${en} are held for ${city.name}: this level stays empty.`,
        };
      });
  }

  @FieldResolver(() => [PlaceLayer], {
    description: 'The orientation layers of the city (Kontextebenen), one per collection and source, each with its own source and attribution: Leipzig’s from OpenStreetMap, Chemnitz’s schools from the city’s open data.',
  })
  placeLayers(@Root() city: City, @Ctx() ctx: Context): Promise<PlaceLayer[]> {
    return ctx.loaders.placeLayersByCityId.load(city.id);
  }

  @FieldResolver(() => [CityUnavailable], { description: 'What the hub cannot compute for this city, and why (empty: everything), the budget included.' })
  async unavailable(@Root() city: City, @Ctx() ctx: Context) {
    const budget = (await ctx.loaders.hasBudgetByCityId.load(city.id)) ? [] : [noBudget(city)];
    // per-request loaders: listing the cities costs no statement per city
    const covered = await addressTableCovers(ctx, city.id);
    return [...unavailableFor(city), ...budget, ...(covered ? [] : [noAddressSearch(city)])];
  }
}
