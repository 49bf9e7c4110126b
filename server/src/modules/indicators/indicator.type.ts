import { AggregationRule, IndicatorTopic, IndicatorUnit, Polarity, ValueOrigin, ValueStatus } from '@sozialatlas/db';
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
    SQUARE_METRE: { description: 'Square metres, e.g. green space or living space (m²).' },
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
    SAFETY: { description: 'Sicherheit / Kriminalität.' },
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
    RATIO_OF_COUNTS: { description: 'Ratio of two counts: Σ numerator ÷ Σ denominator × the unit (100 for percent, 1,000 per thousand).' },
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

export enum MissingReason {
  SUPPRESSED = 'SUPPRESSED',
  SECONDARY_SUPPRESSION = 'SECONDARY_SUPPRESSION',
  NOT_PUBLISHED = 'NOT_PUBLISHED',
}
registerEnumType(MissingReason, {
  name: 'MissingReason',
  description: 'Why a value is not shown to the public (Grund für einen fehlenden Wert).',
  valuesConfig: {
    SUPPRESSED: { description: 'Withheld for statistical confidentiality (Geheimhaltung, primary): small numbers that could identify people.' },
    SECONDARY_SUPPRESSION: {
      description:
        'Withheld so that a suppressed value cannot be computed back from it by addition, subtraction or a weighted mean (sekundäre Geheimhaltung), or derived from a suppressed value.',
    },
    NOT_PUBLISHED: { description: 'The source published no value (nicht veröffentlicht).' },
  },
});
registerEnumType(ValueOrigin, {
  name: 'ValueOrigin',
  description: 'Where a stored value came from (Herkunft).',
  valuesConfig: {
    SEED: { description: 'The shipped data, imported by the seed.' },
    IMPORT: { description: 'A CSV import (API or CLI); a later seed never overwrites it.' },
    DERIVED: { description: 'Computed from smaller areas by the aggregation rule.' },
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

  @Field({
    description:
      'True when Stadtbezirk and city values are weighted by a stand-in for the denominator of the definition (e.g. all residents instead of residents under 65): they are approximations (Näherung); the description says which.',
  })
  denominatorProxy!: boolean;

  denominatorId!: number | null;
  numeratorId!: number | null;
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

  @Field(() => MissingReason, {
    nullable: true,
    description: 'Why the value is not shown to the public; null when it is published. Roles that may see suppressed values get the number and still this reason.',
  })
  missingReason!: MissingReason | null;

  @Field(() => ValueOrigin, { description: 'Provenance: seed, import or derived (Herkunft).' })
  origin!: ValueOrigin;

  @Field(() => Date, { description: 'When the value was last written by its origin.' })
  originAt!: Date;

  areaId!: number;
  indicatorId!: number;
}
