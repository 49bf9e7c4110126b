import { ServiceStatus, TargetGroup } from '@sozialatlas/db';
import { ArgsType, Field, Float, InputType, Int } from 'type-graphql';
import { BoundingBoxInput } from '../areas/area.args';
import type { CityScope } from '../cities/city.sql';
import { PageArgs } from '../common/connection';

export const MIN_RADIUS_M = 1;
export const MAX_RADIUS_M = 50_000;

@InputType({ description: 'A circle around a point: geodesic distance in metres on the WGS 84 ellipsoid (Umkreis).' })
export class NearInput {
  @Field(() => Float, { description: 'Longitude of the centre in degrees east.' })
  lon!: number;

  @Field(() => Float, { description: 'Latitude of the centre in degrees north.' })
  lat!: number;

  @Field(() => Float, { description: `Radius in metres (${MIN_RADIUS_M}–${MAX_RADIUS_M}).` })
  radiusM!: number;
}

@InputType({ description: 'Filters for services; all given filters must hold (AND).' })
export class ServiceFilter {
  @Field(() => [String], { nullable: true, description: 'Only services of these category keys, e.g. ["day_care"].' })
  categoryKeys?: string[];

  @Field(() => [TargetGroup], { nullable: true, description: 'Only services for at least one of these target groups.' })
  targetGroups?: TargetGroup[];

  @Field(() => [Int], { nullable: true, description: 'Only services of these provider ids.' })
  providerIds?: number[];

  @Field(() => [ServiceStatus], { nullable: true, description: 'Only services with one of these statuses.' })
  statuses?: ServiceStatus[];

  @Field(() => Int, {
    nullable: true,
    description: 'Only services with a location inside this area’s boundary (any level: district, borough or city).',
  })
  areaId?: number;

  @Field(() => NearInput, { nullable: true, description: 'Only services with a location within this circle.' })
  near?: NearInput;

  @Field(() => BoundingBoxInput, { nullable: true, description: 'Only services with a location inside this box.' })
  bbox?: BoundingBoxInput;

  @Field(() => String, {
    nullable: true,
    description: 'Only services of this city, by key ("chemnitz") or AGS ("14511000"); absent: the default city (Leipzig), or with `areaId` that area\'s city.',
  })
  city?: string;

  /** the resolved `city` (set by the resolver; not part of the API): undefined = the default city, null = every city */
  scope?: CityScope;
}

@ArgsType()
export class ServicesArgs extends PageArgs {
  @Field(() => ServiceFilter, { nullable: true, description: 'Filters, combined with AND.' })
  filter?: ServiceFilter;
}

@ArgsType()
export class ServiceStatsArgs {
  @Field(() => [ServiceStatus], { defaultValue: [ServiceStatus.ACTIVE], description: 'Count services with these statuses.' })
  statuses!: ServiceStatus[];

  @Field(() => [String], { nullable: true, description: 'Only these category keys; all categories when absent.' })
  categoryKeys?: string[];
}
