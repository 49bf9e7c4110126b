import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';

/** What the hub cannot compute for a city, and why: said, never filled in. */
export enum CityGap {
  NEED_INDEX = 'NEED_INDEX',
  EARLY_WARNING = 'EARLY_WARNING',
  GAP_CLASSES = 'GAP_CLASSES',
  COVERAGE_RATE = 'COVERAGE_RATE',
  INDICATOR_MAP = 'INDICATOR_MAP',
  ACCESSIBILITY_DEMAND = 'ACCESSIBILITY_DEMAND',
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
  },
});

export enum UnavailableReason {
  NO_DISTRICT_STATISTICS = 'NO_DISTRICT_STATISTICS',
}
registerEnumType(UnavailableReason, {
  name: 'UnavailableReason',
  description: 'Why a figure is not available.',
  valuesConfig: {
    NO_DISTRICT_STATISTICS: { description: 'The hub holds no statistics per district of this city (only its total of residents).' },
  },
});

@ObjectType({ description: 'A figure that is not available for a city, with the reason in German and English.' })
export class CityUnavailable {
  @Field(() => CityGap)
  what!: CityGap;

  @Field(() => UnavailableReason)
  reason!: UnavailableReason;

  @Field({ description: 'German explanation, for the map.' })
  message!: string;

  @Field({ description: 'English explanation.' })
  messageEn!: string;
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
}
