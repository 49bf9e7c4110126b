import { MeasureHorizon, MeasureStatus } from '@sozialatlas/db';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar } from '../../scalars/date';

registerEnumType(MeasureHorizon, {
  name: 'MeasureHorizon',
  description: 'When a measure is to be carried out (Zeithorizont).',
  valuesConfig: {
    SHORT: { description: 'Short term, up to 2 years (kurzfristig).' },
    MEDIUM: { description: 'Medium term, 3–5 years (mittelfristig).' },
    LONG: { description: 'Long term, more than 5 years (langfristig).' },
  },
});
registerEnumType(MeasureStatus, {
  name: 'MeasureStatus',
  description: 'State of implementation of a measure (Umsetzungsstand).',
  valuesConfig: {
    NOT_STARTED: { description: 'Not started (nicht begonnen).' },
    IN_PROGRESS: { description: 'In progress (in Umsetzung).' },
    COMPLETED: { description: 'Completed (umgesetzt).' },
    SUSPENDED: { description: 'Suspended (ausgesetzt).' },
  },
});

@ObjectType({ description: 'A social plan or a related plan, e.g. Altenhilfeplan, Teilhabeplan, Suchtbericht (Sozialplan).' })
export class Plan {
  @Field(() => Int, { description: 'Internal identifier.' })
  id!: number;

  @Field({ description: 'Title (Titel).' })
  title!: string;

  @Field(() => String, { nullable: true, description: 'Description (Beschreibung).' })
  description!: string | null;

  @Field(() => Int, { description: 'First year of the plan period (Laufzeit von).' })
  periodStart!: number;

  @Field(() => Int, { description: 'Last year of the plan period (Laufzeit bis).' })
  periodEnd!: number;

  @Field(() => DateScalar, { nullable: true, description: 'Date of the council decision (Beschlussdatum).' })
  adoptedAt!: Date | null;

  @Field({ description: 'False for draft records, visible only to roles that may see unpublished data (veröffentlicht).' })
  published!: boolean;

  sourceId!: number | null;
}

@ObjectType({ description: 'A cross-reference from a plan to another plan (Planverweis).' })
export class PlanReference {
  @Field({ description: 'Title of the referenced plan (Titel).' })
  title!: string;

  @Field(() => String, { nullable: true, description: 'What the reference is about (Anmerkung).' })
  note!: string | null;

  @Field(() => String, { nullable: true, description: 'Where the referenced plan is published (Link).' })
  url!: string | null;

  targetPlanId!: number | null;
  planId!: number;
}

const PLACEHOLDER = 'True when the text is a placeholder made up for the plan, not taken from a real plan (Platzhalter).';

@ObjectType({ description: 'A field of action grouping goals of a plan (Handlungsfeld).' })
export class PlanField {
  @Field(() => Int, { description: 'Internal identifier.' })
  id!: number;

  @Field({ description: 'Code within the plan, e.g. "2" (Nummer).' })
  code!: string;

  @Field({ description: 'Title (Titel).' })
  title!: string;

  @Field(() => String, { nullable: true, description: 'Description, e.g. where the title comes from (Beschreibung).' })
  description!: string | null;

  @Field({ description: PLACEHOLDER })
  placeholder!: boolean;

  planId!: number;
}

@ObjectType({ description: 'A goal of a plan (Ziel).' })
export class Goal {
  @Field(() => Int, { description: 'Internal identifier.' })
  id!: number;

  @Field({ description: 'Code within the plan, e.g. "2.1" (field 2, goal 1) (Kennung).' })
  code!: string;

  @Field({ description: 'Title (Titel).' })
  title!: string;

  @Field(() => String, { nullable: true, description: 'Description (Beschreibung).' })
  description!: string | null;

  @Field({ description: PLACEHOLDER })
  placeholder!: boolean;

  planId!: number;
  fieldId!: number | null;
}

@ObjectType({ description: 'What is done to reach a goal (Maßnahme).' })
export class Measure {
  @Field(() => Int, { description: 'Internal identifier.' })
  id!: number;

  @Field({ description: 'Code within the goal, e.g. "2.1.3" (Kennung).' })
  code!: string;

  @Field({ description: 'Title (Titel).' })
  title!: string;

  @Field(() => String, { nullable: true, description: 'Description (Beschreibung).' })
  description!: string | null;

  @Field(() => MeasureHorizon, { description: 'Short, medium or long term (Zeithorizont).' })
  horizon!: MeasureHorizon;

  @Field({ description: 'Office in charge (federführendes Amt).' })
  responsibleOffice!: string;

  @Field(() => MeasureStatus, { description: 'State of implementation (Umsetzungsstand).' })
  status!: MeasureStatus;

  @Field({ description: PLACEHOLDER })
  placeholder!: boolean;

  goalId!: number;
}
