import { ArgsType, Field, InputType, Int } from 'type-graphql';
import { DateScalar } from '../../scalars/date';

@InputType({ description: 'Filters for participation events; all given filters must hold (AND).' })
export class ParticipationFilter {
  @Field(() => Int, { nullable: true, description: 'Only events concerning this area.' })
  areaId?: number;

  @Field(() => DateScalar, { nullable: true, description: 'From this date on (inclusive).' })
  from?: Date;

  @Field(() => DateScalar, { nullable: true, description: 'Up to this date (inclusive).' })
  to?: Date;

  @Field(() => String, {
    nullable: true,
    description: 'Only events of this city (by key or AGS): held for one of its plans or concerning one of its areas; absent: the default city (Leipzig) and events of no city.',
  })
  city?: string;
}

@ArgsType()
export class ParticipationArgs {
  @Field(() => ParticipationFilter, { nullable: true, description: 'Filters, combined with AND.' })
  filter?: ParticipationFilter;
}
