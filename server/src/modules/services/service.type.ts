import { Accessibility, CapacityUnit, GeocodeMatch, LegalBasis, ServiceStatus, TargetGroup } from '@sozialatlas/db';
import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar } from '../../scalars/date';

registerEnumType(TargetGroup, {
  name: 'TargetGroup',
  description: 'Whom a service is for (Zielgruppe).',
  valuesConfig: {
    CHILDREN: { description: 'Children (Kinder).' },
    YOUNG_PEOPLE: { description: 'Young people (Jugendliche, junge Erwachsene).' },
    FAMILIES: { description: 'Families (Familien).' },
    SINGLE_PARENTS: { description: 'Single parents (Alleinerziehende).' },
    SENIORS: { description: 'Older people (Seniorinnen und Senioren).' },
    PEOPLE_WITH_DISABILITIES: { description: 'People with disabilities (Menschen mit Behinderungen).' },
    HOMELESS_PEOPLE: { description: 'Homeless people (wohnungslose Menschen).' },
    MIGRANTS: { description: 'Migrants (Menschen mit Migrationsgeschichte).' },
    LONG_TERM_UNEMPLOYED: { description: 'Long-term unemployed people (Langzeitarbeitslose).' },
    PEOPLE_WITH_ADDICTION: { description: 'People with addiction problems (suchtkranke Menschen).' },
  },
});
registerEnumType(LegalBasis, {
  name: 'LegalBasis',
  description: 'Legal basis of a service in the social code (Rechtsgrundlage, Sozialgesetzbuch).',
  valuesConfig: {
    SGB_II: { description: 'SGB II: basic income support for jobseekers (Grundsicherung für Arbeitsuchende).' },
    SGB_VIII: { description: 'SGB VIII: child and youth welfare (Kinder- und Jugendhilfe).' },
    SGB_IX: { description: 'SGB IX: rehabilitation and participation of people with disabilities (Eingliederungshilfe).' },
    SGB_XII: { description: 'SGB XII: social assistance (Sozialhilfe).' },
    OTHER: { description: 'Other or voluntary municipal service (freiwillige Leistung).' },
  },
});
registerEnumType(CapacityUnit, {
  name: 'CapacityUnit',
  description: 'Unit in which a service’s capacity is given (Kapazitätseinheit).',
  valuesConfig: {
    PLACES: { description: 'Places (Plätze).' },
    HOURS_PER_WEEK: { description: 'Specialist hours per week (Fachleistungsstunden je Woche).' },
    CONTACTS_PER_YEAR: { description: 'Counselling contacts per year (Beratungskontakte je Jahr).' },
  },
});
registerEnumType(ServiceStatus, {
  name: 'ServiceStatus',
  description: 'Life-cycle status of a service (Status).',
  valuesConfig: {
    PLANNED: { description: 'Planned, not yet open (geplant).' },
    ACTIVE: { description: 'Running (in Betrieb).' },
    CLOSED: { description: 'Closed (geschlossen).' },
  },
});
registerEnumType(Accessibility, {
  name: 'Accessibility',
  description: 'Step-free access for people with disabilities (Barrierefreiheit).',
  valuesConfig: {
    FULL: { description: 'Fully accessible (barrierefrei).' },
    PARTIAL: { description: 'Partly accessible (teilweise barrierefrei).' },
    NONE: { description: 'Not accessible (nicht barrierefrei).' },
    UNKNOWN: { description: 'Not known (unbekannt).' },
  },
});

@ObjectType({ description: 'A category of social services from the managed taxonomy (Angebotsart).' })
export class ServiceCategory {
  @Field(() => Int, { description: 'Internal identifier.' })
  id!: number;

  @Field({ description: 'Stable key used in queries, e.g. "day_care".' })
  key!: string;

  @Field({ description: 'German name (Name), e.g. "Kindertagesstätte".' })
  name!: string;

  @Field({ description: 'English name.' })
  nameEn!: string;

  @Field(() => String, { nullable: true, description: 'What belongs to the category (Beschreibung).' })
  description!: string | null;
}

@ObjectType({ description: 'Planning norm and accessibility parameters of a category (Versorgungsnorm, Einzugsbereich).' })
export class CoverageNorm {
  @Field({ description: 'How the target population is estimated from the target indicator (Zielgruppe).' })
  targetDescription!: string;

  @Field(() => Float, { description: 'Planning norm: capacity per 1,000 persons of the target population (Richtwert je 1.000).' })
  capacityPer1000!: number;

  @Field({ description: 'Where the norm comes from (Herkunft der Norm).' })
  origin!: string;

  @Field(() => [Int], { description: 'Outer radii of the catchment zones in metres, straight-line, ascending (Einzugszonen).' })
  zoneRadiiM!: number[];

  @Field(() => [Float], { description: 'Distance-decay weight per zone, e.g. 1.00, 0.68, 0.22 after Luo & Qi 2009 (Distanzgewichte).' })
  zoneWeights!: number[];

  categoryId!: number;
  targetIndicatorId!: number;
}

@ObjectType({ description: 'A social service (Angebot), run by a provider at one or more locations.' })
export class Service {
  @Field(() => Int, { description: 'Internal identifier.' })
  id!: number;

  @Field({ description: 'Name (Name des Angebots).' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Description (Beschreibung).' })
  description!: string | null;

  @Field(() => [TargetGroup], { description: 'Target groups (Zielgruppen).' })
  targetGroups!: TargetGroup[];

  @Field(() => [LegalBasis], { description: 'Legal bases (Rechtsgrundlagen).' })
  legalBases!: LegalBasis[];

  @Field(() => Float, { nullable: true, description: 'Capacity in `capacityUnit`; null when not known (Kapazität).' })
  capacity!: number | null;

  @Field(() => CapacityUnit, { nullable: true, description: 'Unit of the capacity (Kapazitätseinheit).' })
  capacityUnit!: CapacityUnit | null;

  @Field(() => ServiceStatus, { description: 'Planned, active or closed (Status).' })
  status!: ServiceStatus;

  @Field(() => DateScalar, { nullable: true, description: 'Start date (Beginn).' })
  startDate!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'End date (Ende).' })
  endDate!: string | null;

  @Field(() => Accessibility, { description: 'Step-free access (Barrierefreiheit).' })
  accessibility!: Accessibility;

  @Field(() => String, { nullable: true, description: 'Fee as published, e.g. "kostenfrei" (Entgelt).' })
  fee!: string | null;

  @Field({ description: 'False for draft records, visible only to roles that may see unpublished data (veröffentlicht).' })
  published!: boolean;

  openingHours!: unknown;
  categoryId!: number;
  providerId!: number | null;
  sourceId!: number | null;
}

@ObjectType({ description: 'An address with a point where services are offered (Standort).' })
export class Location {
  @Field(() => Int, { description: 'Internal identifier.' })
  id!: number;

  @Field(() => String, { nullable: true, description: 'Name of the place, e.g. "Haus der sozialen Dienste" (Bezeichnung).' })
  name!: string | null;

  @Field(() => String, { nullable: true, description: 'Street (Straße).' })
  street!: string | null;

  @Field(() => String, { nullable: true, description: 'House number (Hausnummer).' })
  houseNumber!: string | null;

  @Field(() => String, { nullable: true, description: 'Postal code (Postleitzahl).' })
  postalCode!: string | null;

  @Field(() => String, { nullable: true, description: 'City (Ort).' })
  city!: string | null;

  @Field(() => GeocodeMatch, { nullable: true, description: 'How the point was found from the address by the offline geocoder; null when the point came with the source or was picked on the map (Verortung).' })
  geocodeMatch!: GeocodeMatch | null;

  @Field(() => Float, { nullable: true, description: 'For NEAREST_NUMBER: estimated metres between the point and the address.' })
  geocodeDistanceM!: number | null;

  @Field(() => String, { nullable: true, description: 'The geocoder\'s note (German), e.g. "Dieskaustraße 138 nicht bekannt; nächste Hausnummer 146a, ca. 60 m entfernt".' })
  geocodeNote!: string | null;

  areaId!: number | null;
  sourceId!: number | null;
}

@ObjectType({ description: 'Services of one category in one area (Angebotsstatistik je Angebotsart).' })
export class CategoryStat {
  @Field(() => ServiceCategory, { description: 'The category (Angebotsart).' })
  category!: ServiceCategory;

  @Field(() => Int, { description: 'Number of services with at least one location inside the area; each service counts once (Anzahl Angebote).' })
  services!: number;

  @Field(() => Float, {
    nullable: true,
    description: 'Sum of the known capacities in `capacityUnit`, a service with several locations split over them (given shares, else evenly) as in coverage; null when no capacity is known or the units differ (Kapazität).',
  })
  capacity!: number | null;

  @Field(() => CapacityUnit, { nullable: true, description: 'Unit of `capacity`; null when no capacity is known or units differ.' })
  capacityUnit!: CapacityUnit | null;

  @Field(() => Int, { description: 'Services counted whose capacity is not known (ohne Kapazitätsangabe).' })
  servicesWithoutCapacity!: number;
}
