import { ProviderKind, UmbrellaAssociation } from '@sozialatlas/db';
import { ArgsType, Field, InputType } from 'type-graphql';
import { PageArgs } from '../common/connection';
import type { CityScope } from '../cities/city.sql';

@InputType({ description: 'Filters for providers; all given filters must hold (AND).' })
export class ProviderFilter {
  @Field(() => ProviderKind, { nullable: true, description: 'Only providers of this kind.' })
  kind?: ProviderKind;

  @Field(() => UmbrellaAssociation, { nullable: true, description: 'Only members of this umbrella association.' })
  umbrella?: UmbrellaAssociation;

  @Field(() => String, { nullable: true, description: 'Name contains this text (case-insensitive).' })
  nameContains?: string;

  @Field(() => String, {
    nullable: true,
    description: 'Only providers with at least one service in this city (a provider active in two cities is listed in both), by key ("chemnitz") or AGS ("14511000"); absent: the default city (Leipzig).',
  })
  city?: string;

  /** the resolved `city` (set by the resolver; not part of the API): undefined = the default city */
  scope?: CityScope;
}

@ArgsType()
export class ProvidersArgs extends PageArgs {
  @Field(() => ProviderFilter, { nullable: true, description: 'Filters, combined with AND.' })
  filter?: ProviderFilter;
}
