import { ProviderKind, UmbrellaAssociation } from '@sozialatlas/db';
import { ArgsType, Field, InputType } from 'type-graphql';
import { PageArgs } from '../common/connection';

@InputType({ description: 'Filters for providers; all given filters must hold (AND).' })
export class ProviderFilter {
  @Field(() => ProviderKind, { nullable: true, description: 'Only providers of this kind.' })
  kind?: ProviderKind;

  @Field(() => UmbrellaAssociation, { nullable: true, description: 'Only members of this umbrella association.' })
  umbrella?: UmbrellaAssociation;

  @Field(() => String, { nullable: true, description: 'Name contains this text (case-insensitive).' })
  nameContains?: string;
}

@ArgsType()
export class ProvidersArgs extends PageArgs {
  @Field(() => ProviderFilter, { nullable: true, description: 'Filters, combined with AND.' })
  filter?: ProviderFilter;
}
