import { AreaLevel } from '@sozialatlas/db';
import { ArgsType, Field, Float, InputType, Int } from 'type-graphql';
import type { CityScope } from '../cities/city.sql';
import { PageArgs } from '../common/connection';

@InputType({ description: 'A point in WGS 84 (longitude, latitude).' })
export class PointInput {
  @Field(() => Float, { description: 'Longitude in degrees east (Längengrad), −180 to 180.' })
  lon!: number;

  @Field(() => Float, { description: 'Latitude in degrees north (Breitengrad), −90 to 90.' })
  lat!: number;
}

@InputType({ description: 'A bounding box in WGS 84.' })
export class BoundingBoxInput {
  @Field(() => Float, { description: 'Western longitude.' })
  minLon!: number;

  @Field(() => Float, { description: 'Southern latitude.' })
  minLat!: number;

  @Field(() => Float, { description: 'Eastern longitude.' })
  maxLon!: number;

  @Field(() => Float, { description: 'Northern latitude.' })
  maxLat!: number;
}

@InputType({ description: 'Filters for areas; all given filters must hold (AND).' })
export class AreaFilter {
  @Field(() => AreaLevel, { nullable: true, description: 'Only areas of this level.' })
  level?: AreaLevel;

  @Field(() => Int, { nullable: true, description: 'Only direct children of this area id.' })
  parentId?: number;

  @Field(() => [String], { nullable: true, description: 'Only areas with these official keys.' })
  codes?: string[];

  @Field(() => String, { nullable: true, description: 'Name contains this text (case-insensitive).' })
  nameContains?: string;

  @Field(() => BoundingBoxInput, { nullable: true, description: 'Only areas intersecting this box.' })
  bbox?: BoundingBoxInput;

  @Field(() => PointInput, { nullable: true, description: 'Only areas containing this point.' })
  containsPoint?: PointInput;

  @Field(() => String, {
    nullable: true,
    description: 'Only areas of this city, by key ("chemnitz") or AGS ("14511000"); absent: the default city (Leipzig), or with `parentId` the parent\'s city. See `cities`.',
  })
  city?: string;

  /** the resolved `city` (set by the resolver; not part of the API): undefined = the default city, null = every city */
  scope?: CityScope;
}

@ArgsType()
export class AreasArgs extends PageArgs {
  @Field(() => AreaFilter, { nullable: true, description: 'Filters, combined with AND.' })
  filter?: AreaFilter;
}

@ArgsType()
export class GeometryArgs {
  @Field(() => Float, {
    nullable: true,
    description:
      'Simplification tolerance in metres (Douglas–Peucker in a UTM projection, each polygon kept valid). ' +
      '0 or absent: full detail. Typical: 20 for a city map, 100 for an overview.',
  })
  simplify?: number;

  @Field(() => Int, { nullable: true, defaultValue: 6, description: 'Decimal places of coordinates (0–15; 6 ≈ 0.1 m).' })
  precision?: number;
}
