import { AggregationRule, IndicatorTopic, IndicatorUnit, Polarity, ValueStatus } from '@sozialatlas/db';
import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar } from '../../scalars/date';

registerEnumType(IndicatorUnit, {
  name: 'IndicatorUnit',
  description: 'Unit of an indicator (Einheit).',
  valuesConfig: {
    COUNT: { description: 'Number of persons, households, … (Anzahl).' },
    PERCENT: { description: 'Percent (Prozent).' },
    PER_THOUSAND: { description: 'Per 1,000 (je 1.000).' },
    RATIO: { description: 'Ratio, e.g. under-15s per 100 aged 15–64 (Verhältniszahl).' },
    EUR: { description: 'Euro.' },
    EUR_PER_MONTH: { description: 'Euro per month (Euro je Monat).' },
    YEARS: { description: 'Years (Jahre).' },
    PER_KM2: { description: 'Per square kilometre (je km²).' },
  },
});
registerEnumType(IndicatorTopic, {
  name: 'IndicatorTopic',
  description: 'Topic of an indicator (Themenfeld).',
  valuesConfig: {
    DEMOGRAPHY: { description: 'Demografie.' },
    LABOUR: { description: 'Arbeit.' },
    POVERTY: { description: 'Armut / Transferbezug.' },
    INCOME: { description: 'Einkommen.' },
    MIGRATION: { description: 'Migration.' },
    HOUSING: { description: 'Wohnen.' },
    HEALTH: { description: 'Gesundheit.' },
    EDUCATION: { description: 'Bildung.' },
  },
});
registerEnumType(Polarity, {
  name: 'Polarity',
  description: 'Whether a higher value means more need (Polarität).',
  valuesConfig: {
    HIGHER_IS_WORSE: { description: 'A higher value means more need, e.g. unemployment.' },
    HIGHER_IS_BETTER: { description: 'A higher value means less need, e.g. income.' },
    NEUTRAL: { description: 'Descriptive only, e.g. population.' },
  },
});
registerEnumType(AggregationRule, {
  name: 'AggregationRule',
  description: 'How values of smaller areas roll up to larger ones (Aggregationsregel).',
  valuesConfig: {
    SUM: { description: 'Counts add up.' },
    WEIGHTED_MEAN: { description: 'Rates and means are weighted by the denominator indicator, never averaged plainly.' },
    NOT_DERIVABLE: { description: 'Cannot be derived from the parts (medians, survey results).' },
  },
});
registerEnumType(ValueStatus, {
  name: 'ValueStatus',
  description: 'Status of a value (Status).',
  valuesConfig: {
    REGULAR: { description: 'Final value (endgültig).' },
    PROVISIONAL: { description: 'Provisional value (vorläufig).' },
    ESTIMATED: { description: 'Estimate (geschätzt).' },
    SUPPRESSED: {
      description: 'Withheld for statistical confidentiality (Geheimhaltung); the value is null for the public.',
    },
  },
});

@ObjectType({ description: 'Where data comes from and how to attribute it (Quelle).' })
export class Source {
  @Field(() => Int, { description: 'Internal identifier.' })
  id!: number;

  @Field({ description: 'Stable key, e.g. "leipzig-statistik".' })
  key!: string;

  @Field({ description: 'Title of the dataset (Titel).' })
  title!: string;

  @Field({ description: 'Publisher (Herausgeber).' })
  publisher!: string;

  @Field({ description: 'Licence (Lizenz), e.g. "Datenlizenz Deutschland – Namensnennung 2.0".' })
  licence!: string;

  @Field(() => String, { nullable: true, description: 'Where the data was published (URL).' })
  url!: string | null;

  @Field({ description: 'Attribution text to show wherever the data is shown or exported (Quellenangabe).' })
  attribution!: string;

  @Field(() => DateScalar, { nullable: true, description: 'Date the data was retrieved (Abrufdatum).' })
  retrievedAt!: Date | null;

  @Field({ description: 'True for synthetic demo data (Demo-Daten) that must be labelled as such.' })
  synthetic!: boolean;
}

@ObjectType({ description: 'A defined measure with unit, polarity and aggregation rule (Indikator).' })
export class Indicator {
  @Field(() => Int, { description: 'Internal identifier.' })
  id!: number;

  @Field({ description: 'Stable key used in queries, e.g. "sgb2_rate".' })
  key!: string;

  @Field({ description: 'German name (Name), e.g. "SGB-II-Quote".' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'English name.' })
  nameEn!: string | null;

  @Field({ description: 'Definition, and how the value is aggregated (Beschreibung).' })
  description!: string;

  @Field(() => IndicatorUnit, { description: 'Unit (Einheit).' })
  unit!: IndicatorUnit;

  @Field(() => IndicatorTopic, { description: 'Topic (Themenfeld).' })
  topic!: IndicatorTopic;

  @Field(() => Polarity, { description: 'Whether higher means more need (Polarität).' })
  polarity!: Polarity;

  @Field(() => AggregationRule, { description: 'How values roll up to larger areas.' })
  aggregation!: AggregationRule;

  denominatorId!: number | null;
  sourceId!: number;
}

@ObjectType({ description: 'The value of an indicator for one area and year (Indikatorwert).' })
export class IndicatorValue {
  @Field(() => Int, { description: 'Year (Jahr) the value refers to (reference date as published by the source).' })
  year!: number;

  @Field(() => Float, {
    nullable: true,
    description: 'The value in the indicator’s unit; null when missing or SUPPRESSED (Geheimhaltung) for your role.',
  })
  value!: number | null;

  @Field(() => ValueStatus, { description: 'Status of the value.' })
  status!: ValueStatus;

  @Field({ description: 'True when computed from smaller areas by the aggregation rule (abgeleitet).' })
  derived!: boolean;

  areaId!: number;
  indicatorId!: number;
}
