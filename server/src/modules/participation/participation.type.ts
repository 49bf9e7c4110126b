import { ParticipationKind } from '@sozialatlas/db';
import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar } from '../../scalars/date';

registerEnumType(ParticipationKind, {
  name: 'ParticipationKind',
  description: 'Form of participation (Beteiligungsformat).',
  valuesConfig: {
    CONFERENCE: { description: 'Area or expert conference (Sozialraumkonferenz, Fachkonferenz).' },
    SURVEY: { description: 'Survey (Befragung).' },
    DISTRICT_WALK: { description: 'Walk through a district (Stadtteilbegehung).' },
    WORKSHOP: { description: 'Workshop (Werkstatt).' },
  },
});

@ObjectType({ description: 'A conference, survey, district walk or workshop (Beteiligung).' })
export class ParticipationEvent {
  @Field(() => Int, { description: 'Internal identifier.' })
  id!: number;

  @Field(() => ParticipationKind, { description: 'Form of participation (Format).' })
  kind!: ParticipationKind;

  @Field({ description: 'Title (Titel).' })
  title!: string;

  @Field(() => DateScalar, { description: 'Date (Datum).' })
  date!: Date;

  @Field(() => Int, { nullable: true, description: 'Number of participants or respondents (Teilnehmende).' })
  participants!: number | null;

  @Field(() => Int, { nullable: true, description: 'For surveys: number of addressees (Angeschriebene).' })
  addressees!: number | null;

  @Field(() => Float, { nullable: true, description: 'For surveys: share who answered, 0–1 (Rücklaufquote).' })
  responseRate!: number | null;

  @Field(() => String, { nullable: true, description: 'Outcome (Ergebnis).' })
  outcome!: string | null;

  planId!: number | null;
  sourceId!: number | null;
}
