import { TransitMode } from '@sozialatlas/db';
import { Field, Float, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Area } from '../areas/area.type';
import type { CityScope } from '../cities/city.sql';

registerEnumType(TransitMode, {
  name: 'TransitMode',
  description: 'Kind of public transport stop.',
  valuesConfig: { TRAM: { description: 'Tram (Straßenbahn).' }, BUS: { description: 'Bus.' }, TRAIN: { description: 'Train, S-Bahn (Bahn).' } },
});

@ObjectType({ description: 'A public transport stop (Haltestelle), orientation layer from OpenStreetMap (© OpenStreetMap contributors, ODbL 1.0).' })
export class TransitStop {
  @Field(() => Int, { description: 'Internal identifier.' })
  id!: number;

  @Field(() => String, { nullable: true, description: 'Name of the stop as tagged in OSM.' })
  name!: string | null;

  @Field(() => TransitMode, { description: 'Tram, bus or train.' })
  mode!: TransitMode;

  @Field(() => Float, { description: 'Longitude, WGS 84.' })
  lon!: number;

  @Field(() => Float, { description: 'Latitude, WGS 84.' })
  lat!: number;

  @Field(() => String, { description: 'OSM element, e.g. "node/26080888".' })
  osmId!: string;

  @Field(() => Area, { nullable: true, description: 'The finest area containing the stop.' })
  area!: Area | null;

  areaId!: number | null;

  sourceId!: number;
}

@ObjectType({ description: 'A social place of an orientation layer, not a service: an OSM building tagged amenity=social_facility, community_centre, nursing_home, kindergarten, … (© OpenStreetMap contributors, ODbL 1.0), or a place of a city’s own layer such as Chemnitz’s schools (amenity school); `source` names its licence and attribution.' })
export class SocialBuilding {
  @Field(() => Int, { description: 'Internal identifier.' })
  id!: number;

  @Field(() => String, { nullable: true, description: 'Name as tagged in OSM.' })
  name!: string | null;

  @Field({ description: 'OSM amenity tag, e.g. social_facility, community_centre, nursing_home, kindergarten, place_of_worship.' })
  amenity!: string;

  @Field(() => String, { nullable: true, description: 'Operator as tagged in OSM (Betreiber).' })
  operator!: string | null;

  @Field(() => String, { nullable: true, description: 'Street (Straße).' })
  street!: string | null;

  @Field(() => String, { nullable: true, description: 'House number (Hausnummer).' })
  houseNumber!: string | null;

  @Field(() => String, { nullable: true, description: 'Postcode (Postleitzahl).' })
  postalCode!: string | null;

  @Field(() => Float, { description: 'Longitude of the building centroid, WGS 84.' })
  lon!: number;

  @Field(() => Float, { description: 'Latitude of the building centroid, WGS 84.' })
  lat!: number;

  @Field(() => String, { description: 'Id of the place in its source: the OSM way for OpenStreetMap data (e.g. "way/123"), the city’s own id otherwise (see `source`).' })
  osmId!: string;

  @Field(() => Area, { nullable: true, description: 'The finest area containing the building.' })
  area!: Area | null;

  areaId!: number | null;

  sourceId!: number;
}

@InputType({ description: 'Filter for orientation layers; all given conditions apply.' })
export class PlaceFilter {
  @Field(() => Int, { nullable: true, description: 'Only inside this area (any level: Ortsteil, Stadtbezirk, city).' })
  areaId?: number | null;

  @Field(() => [Float], { nullable: true, description: 'Bounding box [minLon, minLat, maxLon, maxLat] in WGS 84.' })
  bbox?: number[] | null;

  @Field(() => String, {
    nullable: true,
    description: 'Only places of this city (in one of its areas), by key ("chemnitz") or AGS ("14511000"); absent: the default city (Leipzig).',
  })
  city?: string;

  /** the resolved `city` (set by the resolver; not part of the API): undefined = the default city */
  scope?: CityScope;
}
