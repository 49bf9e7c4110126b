import { AreaLevel } from '@sozialatlas/db';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';

/** What the hub cannot compute for a city, and why: said, never filled in. */
export enum CityGap {
  NEED_INDEX = 'NEED_INDEX',
  EARLY_WARNING = 'EARLY_WARNING',
  GAP_CLASSES = 'GAP_CLASSES',
  COVERAGE_RATE = 'COVERAGE_RATE',
  INDICATOR_MAP = 'INDICATOR_MAP',
  ACCESSIBILITY_DEMAND = 'ACCESSIBILITY_DEMAND',
  FUNDING_PER_RESIDENT = 'FUNDING_PER_RESIDENT',
  SCENARIO_DEMAND = 'SCENARIO_DEMAND',
  BUDGET = 'BUDGET',
  ADDRESS_SEARCH = 'ADDRESS_SEARCH',
}
registerEnumType(CityGap, {
  name: 'CityGap',
  description: 'A figure the hub cannot compute for a city.',
  valuesConfig: {
    NEED_INDEX: { description: 'Need index (Bedarfsindex): needs indicator values per district.' },
    EARLY_WARNING: { description: 'Early warning (Frühwarnsystem): needs time series per district.' },
    GAP_CLASSES: { description: 'Gap classes with a target population (Versorgungslücken): need the target population per district.' },
    COVERAGE_RATE: { description: 'Coverage rate per 1,000 of the target population: services are counted, no rate is given.' },
    INDICATOR_MAP: { description: 'The indicator map and profile values per district.' },
    ACCESSIBILITY_DEMAND: { description: 'Accessibility (E2SFCA): the demand side needs the target population per district.' },
    FUNDING_PER_RESIDENT: { description: 'Money flows (Förderung je Gebiet): amounts per resident and per target person, and the need correlation, need residents and need index per district.' },
    SCENARIO_DEMAND: { description: 'Scenario (Szenario): coverage rates, accessibility and gap classes need the target population per district; only services are counted.' },
    BUDGET: { description: 'Budget (Haushalt): the hub holds no planned budget of this city.' },
    ADDRESS_SEARCH: { description: 'Address search (Adresssuche, `geocode`): the offline address table covers another city; addresses of this city are placed on the map by hand.' },
  },
});

export enum UnavailableReason {
  NO_DISTRICT_STATISTICS = 'NO_DISTRICT_STATISTICS',
  NO_BUDGET = 'NO_BUDGET',
  NO_LEVEL = 'NO_LEVEL',
  NO_ADDRESS_TABLE = 'NO_ADDRESS_TABLE',
}
registerEnumType(UnavailableReason, {
  name: 'UnavailableReason',
  description: 'Why a figure is not available.',
  valuesConfig: {
    NO_DISTRICT_STATISTICS: { description: 'The hub holds no statistics per district of this city (only its total of residents).' },
    NO_BUDGET: { description: 'The hub holds no budget lines (Haushaltsplan) of this city.' },
    NO_ADDRESS_TABLE: { description: 'The offline geocoder holds no address table of this city.' },
    NO_LEVEL: { description: 'The hub holds no areas of this level for this city (e.g. no Stadtbezirke of Chemnitz).' },
  },
});

@ObjectType({ description: 'A figure that is not available for a city, with the reason in German and English.' })
export class CityUnavailable {
  @Field(() => CityGap, { description: 'The figure or analysis that cannot be computed for the city.' })
  what!: CityGap;

  @Field(() => UnavailableReason, { description: 'Why it cannot be computed (a stable code; the texts explain it).' })
  reason!: UnavailableReason;

  @Field({ description: 'German explanation, for the map.' })
  message!: string;

  @Field({ description: 'English explanation.' })
  messageEn!: string;
}

@ObjectType({ description: 'An area level a city has, with its number of areas (Ebene mit Anzahl).' })
export class CityLevel {
  @Field(() => AreaLevel, { description: 'The level (Ebene).' })
  level!: AreaLevel;

  @Field(() => Int, { description: 'Number of areas of this level in the city (Anzahl Gebiete).' })
  count!: number;

  @Field({ description: 'The city’s own German name of the level, plural, for the map (Leipzig: „Ortsteile“, Chemnitz: „Stadtteile“); the generic name when the city gives none.' })
  name!: string;

  @Field({ description: 'The same name in the singular („Ortsteil“, „Stadtteil“).' })
  nameSingular!: string;

  @Field({ description: 'English name of the level, with the German word („districts (Stadtteile)“).' })
  nameEn!: string;
}

@ObjectType({ description: 'An area level another city of the hub has but this one lacks, with the reason in German and English (fehlende Ebene).' })
export class CityMissingLevel {
  @Field(() => AreaLevel, { description: 'The level the city has no areas of; `areas(filter: { level, city })` answers an empty list.' })
  level!: AreaLevel;

  @Field(() => UnavailableReason, { description: 'Always NO_LEVEL: the hub holds no areas of this level for the city.' })
  reason!: UnavailableReason;

  @Field({ description: 'German explanation, for the map, e.g. „Für Chemnitz liegen keine Stadtbezirke vor …“.' })
  message!: string;

  @Field({ description: 'English explanation.' })
  messageEn!: string;
}

@ObjectType({ description: 'An orientation layer of a city from one source (Kontextebene): stops or social places, with the source to attribute on the map.' })
export class PlaceLayer {
  @Field({ description: 'The collection: "transit-stops" (`transitStops`) or "social-buildings" (`socialBuildings`), also the OGC collection id.' })
  collection!: string;

  @Field(() => [String], { description: 'The amenity values of the layer’s places (social-buildings; e.g. ["school"]); empty for stops.' })
  amenities!: string[];

  @Field(() => Int, { description: 'Number of places of the layer in the city (Anzahl).' })
  count!: number;

  sourceId!: number;
}

@ObjectType({ description: 'A city of the hub (Stadt): the root of an area hierarchy; indicators and service categories are shared.' })
export class City {
  @Field(() => Int, { description: 'Id of the city’s CITY area (the root of its areas; `area(id:)`).' })
  id!: number;

  @Field({ description: 'URL key, e.g. "leipzig", "chemnitz" (the map’s `stadt=` parameter; the `city` argument of the lists).' })
  key!: string;

  @Field({ description: 'Official municipality key (Amtlicher Gemeindeschlüssel, AGS), e.g. "14713000".' })
  ags!: string;

  @Field({ description: 'Name (Name).' })
  name!: string;

  @Field({ description: 'True for the city that lists and analyses answer for when no city is given (Leipzig).' })
  isDefault!: boolean;

  @Field(() => Int, { nullable: true, description: 'Residents of the city as a whole (Einwohner), from `residentsSource` on `residentsDate`; null when unknown.' })
  residents!: number | null;

  @Field(() => String, { nullable: true, description: 'Reference date of `residents` (Stichtag), ISO date.' })
  residentsDate!: string | null;

  @Field({ description: 'True when indicator values per district exist: need index, early warning and rates need them.' })
  districtStatistics!: boolean;

  residentsSourceId!: number | null;

  /** the city's own names of its levels (not a field: `levels { name }` answers them) */
  levelNames!: Partial<Record<string, { de: string; deSingular: string; en: string }>>;
}
