// The mapping of kdvalues files to indicators is data: one JSON file per source (the shipped one is
// seed/data/leipzig/statistics.mapping.json). This module defines its shape, checks it with a JSON
// Schema (ajv) plus the cross-references a schema cannot express, and loads it at run time, so a new
// statistics file of the same published shape needs a data file and a mapping entry, no TypeScript.
//
// Aggregation (Ortsteil → Stadtbezirk → city), see prisma/src/domain/aggregate.ts:
//   SUM              counts add up;
//   WEIGHTED_MEAN    Σ(value·weight)/Σweight with the `denominator` indicator as weight, same year;
//   NOT_DERIVABLE    medians, densities: no Stadtbezirk/city values are derived;
//   RATIO_OF_COUNTS  Σ numerator / Σ denominator × 100 (PERCENT) or × 1 (RATIO).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv, { type ErrorObject } from 'ajv';
import { AggregationRule, IndicatorTopic, IndicatorUnit, Polarity } from '@sozialatlas/db';
import { leipzigDataDir } from '../paths';

export interface IndicatorDef {
  key: string;
  name: string;
  nameEn: string;
  description: string;
  unit: IndicatorUnit;
  topic: IndicatorTopic;
  polarity: Polarity;
  aggregation: AggregationRule;
  /** for WEIGHTED_MEAN: key of the weighting indicator; for RATIO_OF_COUNTS: the denominator */
  denominator?: string;
  /** for RATIO_OF_COUNTS: key of the numerator (a count) */
  numerator?: string;
  /** true when the denominator is a stand-in for the one in the definition (derived values are approximations) */
  denominatorProxy?: boolean;
}

/** How one sub-indicator of a file becomes values of an indicator. */
export interface SubIndicatorMapping {
  indicator: string;
  /** the file's value × scale is stored (e.g. 100 for a share published as 0–1); default 1 */
  scale?: number;
  /** only these years are imported (inclusive); the others are reported */
  fromYear?: number;
  toYear?: number;
}

export interface FileMapping {
  /** file name in the data folder */
  file: string;
  /**
   * When two files provide the same indicator key, the file with the higher priority wins for
   * that key (all years); the other file's rows are reported as skipped and compared.
   */
  priority: number;
  /** sub-indicator name exactly as in the file → indicator key, or a mapping with scale and years */
  subIndicators: Record<string, string | SubIndicatorMapping>;
}

/** Additive relation of the catalogue: total = Σ parts in every area and year. */
export interface RelationDef {
  total: string;
  parts: string[];
}

export interface StatisticsMapping {
  indicators: IndicatorDef[];
  relations: RelationDef[];
  files: FileMapping[];
}

/** File name of a source's mapping in its data folder. */
export const MAPPING_FILE = 'statistics.mapping.json';

const key = { type: 'string', pattern: '^[a-z][a-z0-9_]*$', maxLength: 100 } as const;
const comment = { $comment: { type: 'string', nullable: true } } as const;
const year = { type: 'integer', minimum: 1900, maximum: 2100, nullable: true } as const;

const subIndicator = {
  type: 'object',
  required: ['indicator'],
  additionalProperties: false,
  properties: { indicator: key, scale: { type: 'number', exclusiveMinimum: 0, nullable: true }, fromYear: year, toYear: year },
} as const;

/** JSON Schema of a mapping file (draft-07; `$comment` is allowed on the root, indicators, relations and files). */
export const MAPPING_SCHEMA = {
  type: 'object',
  required: ['indicators', 'files'],
  additionalProperties: false,
  properties: {
    ...comment,
    indicators: {
      type: 'array',
      items: {
        type: 'object',
        required: ['key', 'name', 'nameEn', 'description', 'unit', 'topic', 'polarity', 'aggregation'],
        additionalProperties: false,
        properties: {
          ...comment,
          key,
          name: { type: 'string', minLength: 1 },
          nameEn: { type: 'string', minLength: 1 },
          description: { type: 'string', minLength: 1 },
          unit: { type: 'string', enum: Object.values(IndicatorUnit) },
          topic: { type: 'string', enum: Object.values(IndicatorTopic) },
          polarity: { type: 'string', enum: Object.values(Polarity) },
          aggregation: { type: 'string', enum: Object.values(AggregationRule) },
          denominator: { ...key, nullable: true },
          numerator: { ...key, nullable: true },
          denominatorProxy: { type: 'boolean', nullable: true },
        },
      },
    },
    relations: {
      type: 'array',
      nullable: true,
      items: {
        type: 'object',
        required: ['total', 'parts'],
        additionalProperties: false,
        properties: { ...comment, total: key, parts: { type: 'array', minItems: 2, items: key } },
      },
    },
    files: {
      type: 'array',
      items: {
        type: 'object',
        required: ['file', 'priority', 'subIndicators'],
        additionalProperties: false,
        properties: {
          ...comment,
          file: { type: 'string', pattern: '^[^/\\\\]+\\.json$' },
          priority: { type: 'integer', minimum: 0 },
          subIndicators: {
            type: 'object',
            minProperties: 1,
            additionalProperties: { oneOf: [key, subIndicator] },
          },
        },
      },
    },
  },
} as const;

/** One thing wrong with a mapping file: where (JSON Pointer) and what, in German and English. */
export interface MappingProblem {
  file: string;
  path: string;
  de: string;
  en: string;
}

export class MappingError extends Error {
  constructor(readonly problems: MappingProblem[]) {
    super(problems.map((p) => `${p.file} ${p.path}: ${p.de} / ${p.en}`).join('\n'));
    this.name = 'MappingError';
  }
}

const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
const validate = ajv.compile(MAPPING_SCHEMA);

/** ajv's error in both languages (German written here, English from ajv). */
function describe(e: ErrorObject): { de: string; en: string } {
  const p = e.params as Record<string, unknown>;
  const de: Record<string, () => string> = {
    required: () => `Pflichtfeld „${p.missingProperty}“ fehlt`,
    additionalProperties: () => `unbekanntes Feld „${p.additionalProperty}“`,
    type: () => `muss vom Typ ${p.type} sein`,
    enum: () => `muss einer dieser Werte sein: ${(p.allowedValues as string[]).join(', ')}`,
    pattern: () => (String(p.pattern).startsWith('^[a-z]') ? 'ein Schlüssel in Kleinbuchstaben, Ziffern und _ (z. B. crimes_per_1000)' : `muss dem Muster ${p.pattern} entsprechen`),
    minimum: () => `muss ≥ ${p.limit} sein`,
    maximum: () => `muss ≤ ${p.limit} sein`,
    exclusiveMinimum: () => `muss > ${p.limit} sein`,
    minItems: () => `braucht mindestens ${p.limit} Einträge`,
    minProperties: () => `braucht mindestens ${p.limit} Einträge`,
    minLength: () => 'darf nicht leer sein',
    oneOf: () => 'muss ein Indikatorschlüssel oder ein Objekt {indicator, scale?, fromYear?, toYear?} sein',
  };
  return { de: de[e.keyword]?.() ?? e.message ?? e.keyword, en: e.keyword === 'oneOf' ? 'must be an indicator key or an object {indicator, scale?, fromYear?, toYear?}' : (e.message ?? e.keyword) };
}

const pointer = (...parts: (string | number)[]) => parts.map((p) => `/${String(p).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');

/**
 * Checks a parsed mapping: the schema first, then what it cannot say (unique keys, references to
 * defined indicators, the fields each aggregation needs, year ranges). Throws a MappingError
 * listing every problem with its JSON Pointer; returns the mapping with defaults filled in.
 */
export function parseMapping(json: unknown, fileName: string): StatisticsMapping {
  if (!validate(json)) {
    // oneOf reports its branches too; the oneOf line itself says what is expected
    const errors = (validate.errors ?? []).filter((e) => !(validate.errors ?? []).some((o) => o.keyword === 'oneOf' && e !== o && e.instancePath === o.instancePath));
    throw new MappingError(errors.map((e) => ({ file: fileName, path: e.instancePath || '/', ...describe(e) })));
  }
  const m = json as unknown as StatisticsMapping;
  const problems: MappingProblem[] = [];
  const add = (at: string, de: string, en: string) => problems.push({ file: fileName, path: at, de, en });
  const defined = new Map<string, IndicatorDef>();
  m.indicators.forEach((d, i) => {
    if (defined.has(d.key)) add(pointer('indicators', i, 'key'), `Indikator „${d.key}“ ist doppelt definiert`, `indicator "${d.key}" is defined twice`);
    defined.set(d.key, d);
  });
  const ref = (k: string | undefined, at: string) => {
    if (k !== undefined && !defined.has(k)) add(at, `Indikator „${k}“ ist unter /indicators nicht definiert`, `indicator "${k}" is not defined in /indicators`);
  };
  m.indicators.forEach((d, i) => {
    ref(d.denominator, pointer('indicators', i, 'denominator'));
    ref(d.numerator, pointer('indicators', i, 'numerator'));
    if (d.aggregation === 'WEIGHTED_MEAN' && !d.denominator) {
      add(pointer('indicators', i), `WEIGHTED_MEAN braucht „denominator“ (das Gewicht)`, 'WEIGHTED_MEAN needs "denominator" (the weight)');
    }
    if (d.aggregation === 'RATIO_OF_COUNTS') {
      if (!d.numerator || !d.denominator) add(pointer('indicators', i), 'RATIO_OF_COUNTS braucht „numerator“ und „denominator“', 'RATIO_OF_COUNTS needs "numerator" and "denominator"');
      if (d.unit !== 'PERCENT' && d.unit !== 'RATIO') add(pointer('indicators', i, 'unit'), 'RATIO_OF_COUNTS gibt es nur für PERCENT oder RATIO', 'RATIO_OF_COUNTS is only for PERCENT or RATIO');
    }
    if (d.aggregation === 'SUM' && (d.denominator || d.numerator)) add(pointer('indicators', i), 'SUM braucht weder „denominator“ noch „numerator“', 'SUM takes neither "denominator" nor "numerator"');
  });
  (m.relations ?? []).forEach((r, i) => {
    ref(r.total, pointer('relations', i, 'total'));
    r.parts.forEach((p, j) => ref(p, pointer('relations', i, 'parts', j)));
  });
  const files = new Set<string>();
  m.files.forEach((f, i) => {
    if (files.has(f.file)) add(pointer('files', i, 'file'), `Datei „${f.file}“ ist doppelt eingetragen`, `file "${f.file}" is listed twice`);
    files.add(f.file);
    for (const [sub, target] of Object.entries(f.subIndicators)) {
      const at = pointer('files', i, 'subIndicators', sub);
      const s = typeof target === 'string' ? { indicator: target } : target;
      ref(s.indicator, typeof target === 'string' ? at : `${at}/indicator`);
      if (s.fromYear != null && s.toYear != null && s.fromYear > s.toYear) add(at, `fromYear ${s.fromYear} liegt nach toYear ${s.toYear}`, `fromYear ${s.fromYear} is after toYear ${s.toYear}`);
    }
  });
  if (problems.length) throw new MappingError(problems);
  return { indicators: m.indicators, relations: m.relations ?? [], files: m.files };
}

/** Reads and checks a mapping file; a file that is no JSON is a MappingError too. */
export function loadMapping(file: string): StatisticsMapping {
  const name = path.basename(file);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new MappingError([{ file: name, path: '/', de: `kein lesbares JSON (${(error as Error).message})`, en: `not readable JSON (${(error as Error).message})` }]);
  }
  return parseMapping(json, name);
}

/** The sub-indicator's mapping in its long form. */
export const subMapping = (target: string | SubIndicatorMapping | undefined): SubIndicatorMapping | undefined =>
  typeof target === 'string' ? { indicator: target } : target;

/** The shipped Leipzig mapping (seed/data/leipzig/statistics.mapping.json). */
export const leipzigMapping = (): StatisticsMapping => loadMapping(path.join(leipzigDataDir(), MAPPING_FILE));
