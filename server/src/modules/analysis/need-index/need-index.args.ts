import { AreaLevel } from '@sozialatlas/db';
import { ArgsType, Field, Float, InputType, Int } from 'type-graphql';
import { NeedIndexPresetEnum } from './need-index.type';
import { CITY_ARGUMENT, type CityScope } from '../../cities/city.sql';

export const DEFAULT_NEED_INDICATOR_TEXT =
  'Default: unemployment_rate, sgb2_rate, sgb2_child_share and sgb2_single_parent_per_1000, weight 1 each. ' +
  'The single-parent measure is derived: SGB-II single-parent households (Alleinerziehenden-Bedarfsgemeinschaften) per 1,000 residents ' +
  '(1000 · sgb2_single_parent_households / population, same year). It is a prevalence that is comparable across areas of any size; ' +
  'the stored count is not (it grows with the area), and the share of single parents among SGB-II households is noise in areas with ' +
  'few households (e.g. 4 of 14) and describes composition, not need.';

@InputType({ description: 'An indicator of the need index with its weight (Indikator und Gewicht).' })
export class NeedIndicatorInput {
  @Field({
    description:
      'Indicator key with polarity HIGHER_IS_WORSE or HIGHER_IS_BETTER, e.g. "sgb2_rate"; or the derived "sgb2_single_parent_per_1000".',
  })
  key!: string;

  @Field(() => Float, { defaultValue: 1, description: 'Weight w > 0 (Gewicht); default 1.' })
  weight!: number;
}

@InputType({ description: 'Status cut-offs on S* (Schwellen der Statusgruppen); must satisfy high ≤ low ≤ veryLow.' })
export class StatusCutoffsInput {
  @Field(() => Float, { defaultValue: -1, description: 'S* below this → status HIGH (low need); default −1.0.' })
  high!: number;

  @Field(() => Float, { defaultValue: 1, description: 'S* above this → status LOW (high need); default +1.0.' })
  low!: number;

  @Field(() => Float, { defaultValue: 1.5, description: 'S* above this → status VERY_LOW (very high need); default +1.5.' })
  veryLow!: number;
}

@ArgsType()
export class NeedIndexArgs {
  @Field(() => AreaLevel, { defaultValue: AreaLevel.DISTRICT, description: 'Area level (Ebene); default DISTRICT (Ortsteil).' })
  level!: AreaLevel;

  @Field(() => Int, { description: 'Year t of the status (Jahr). SGB II and unemployment data of Leipzig end in 2022.' })
  year!: number;

  @Field(() => [NeedIndicatorInput], { nullable: true, description: `Indicators and weights. ${DEFAULT_NEED_INDICATOR_TEXT}` })
  indicators?: NeedIndicatorInput[];

  @Field(() => Int, { defaultValue: 2, description: 'Span s in years for the dynamics (Spanne); default 2.' })
  span!: number;

  @Field(() => Int, { defaultValue: 300, description: 'Areas with fewer residents (indicator population of year t) are excluded; default 300.' })
  minPopulation!: number;

  @Field(() => StatusCutoffsInput, { nullable: true, description: 'Status cut-offs; default the preset’s (MSS 2021: −1.0 / +1.0 / +1.5).' })
  statusCutoffs?: StatusCutoffsInput;

  @Field(() => Float, { nullable: true, description: 'Dynamics cut-off on |D*| (Dynamikschwelle); default the preset’s (MSS 2021: 1.0).' })
  dynamicsCutoff?: number | null;

  @Field(() => NeedIndexPresetEnum, {
    defaultValue: NeedIndexPresetEnum.MSS_2021,
    description: 'Method preset (Verfahren) supplying the cut-offs not given here; default MSS_2021.',
  })
  preset!: NeedIndexPresetEnum;

  @Field(() => String, { nullable: true, description: CITY_ARGUMENT })
  city?: string;

  /** the resolved `city` (set by the resolver; not part of the API) */
  scope?: CityScope;
}
