import type { PrismaClient } from '@sozialatlas/db';
import { importStatistics, MappingError, parseMapping, type ImportReport } from '@sozialatlas/seed';
import type { Actor } from '../auth/caller';
import { writeAudit } from '../common/writes/audit';
import type { CityScope } from '../cities/city.sql';

// Import of statistics files in the published kdvalues shape through the same importer, mapping
// checks, value checks and plausibility warnings as the seed (seed/src/importers/statistics.ts);
// used by the GraphQL mutation importStatistics and the CLI import-kdvalues. All or nothing; a dry
// run by default; written values record IMPORT and who; a value stored as suppressed is not
// published again unless overrideConflicts.

export interface StatisticsImportProblem {
  file: string;
  /** JSON Pointer into the file, "/" for the whole file; null for a problem of the import as a whole */
  path: string | null;
  message: string;
}

export interface StatisticsImportOutcome {
  dryRun: boolean;
  applied: boolean;
  mapping: string;
  files: string[];
  rowsRead: number;
  written: number;
  unchanged: number;
  ortsteilValues: number;
  errors: StatisticsImportProblem[];
  skipped: { row: string; reason: string }[];
  unmapped: string[];
  plausibility: string[];
  liftsSuppression: string[];
  warnings: string[];
}

export interface StatisticsImportInput {
  /** file name (as in the mapping) and its text */
  files: { name: string; text: string }[];
  /** mapping JSON text; default the shipped Leipzig mapping */
  mapping?: { name: string; text: string } | null;
  dryRun: boolean;
  overrideConflicts?: boolean;
  /** true: the mapping's indicator definitions are written to the catalogue (administrators) */
  defineIndicators: boolean;
  /** the city whose Ortsteile the files name (resolveCity); null or absent: the seed's city (Leipzig) */
  city?: CityScope;
  actor: Actor;
}

const list = (v: unknown): string[] => (Array.isArray(v) ? (v as string[]) : []);

export async function importStatisticsFiles(prisma: PrismaClient, input: StatisticsImportInput): Promise<StatisticsImportOutcome> {
  const outcome: StatisticsImportOutcome = {
    dryRun: input.dryRun,
    applied: false,
    mapping: input.mapping?.name ?? 'leipzig/statistics.mapping.json',
    files: [],
    rowsRead: 0,
    written: 0,
    unchanged: 0,
    ortsteilValues: 0,
    errors: [],
    skipped: [],
    unmapped: [],
    plausibility: [],
    liftsSuppression: [],
    warnings: [],
  };
  const parsed: { name: string; json: unknown }[] = [];
  for (const f of input.files) {
    try {
      parsed.push({ name: f.name, json: JSON.parse(f.text) });
    } catch (error) {
      outcome.errors.push({ file: f.name, path: '/', message: `kein lesbares JSON (${(error as Error).message}) / not readable JSON` });
    }
  }
  let mapping;
  try {
    mapping = input.mapping ? parseMapping(parseJson(input.mapping), input.mapping.name) : undefined;
  } catch (error) {
    if (!(error instanceof MappingError)) throw error;
    outcome.errors.push(...error.problems.map((p) => ({ file: p.file, path: p.path, message: `${p.de} / ${p.en}` })));
  }
  if (outcome.errors.length) return outcome;
  let report: ImportReport;
  try {
    report = await importStatistics(prisma, {
      files: parsed,
      ...(mapping && { mapping: mapping.files, indicators: mapping.indicators, relations: mapping.relations, mappingName: input.mapping!.name }),
      provenance: { origin: 'IMPORT', label: input.actor.label },
      dryRun: input.dryRun,
      overrideConflicts: input.overrideConflicts,
      defineIndicators: input.defineIndicators,
      ...(input.city && { city: { areaId: input.city.id, name: input.city.city.name } }),
      onWrite: (tx, r) =>
        writeAudit(tx, input.actor, {
          action: 'import',
          entity: 'indicator_value',
          after: { mapping: outcome.mapping, files: r.details.files, ortsteilValues: r.details.ortsteilValues, written: r.written },
        }),
    });
  } catch (error) {
    if (error instanceof MappingError) {
      outcome.errors.push(...error.problems.map((p) => ({ file: p.file, path: p.path, message: `${p.de} / ${p.en}` })));
      return outcome;
    }
    // a malformed file: the importer names file › year › sub-indicator › row
    if (error instanceof Error && !/^(prisma|database)/i.test(error.name)) {
      outcome.errors.push({ file: error.message.split(' › ')[0] ?? '', path: null, message: error.message });
      return outcome;
    }
    throw error;
  }
  return {
    ...outcome,
    applied: !input.dryRun,
    files: list(report.details.files),
    rowsRead: report.rowsRead,
    written: report.written,
    unchanged: report.unchanged,
    ortsteilValues: Number(report.details.ortsteilValues ?? 0),
    skipped: report.skipped,
    unmapped: list(report.details.unmapped),
    plausibility: list(report.details.plausibility),
    liftsSuppression: list(report.details.liftsSuppression),
    warnings: report.warnings,
  };
}

function parseJson(f: { name: string; text: string }): unknown {
  try {
    return JSON.parse(f.text);
  } catch (error) {
    throw new MappingError([{ file: f.name, path: '/', de: `kein lesbares JSON (${(error as Error).message})`, en: 'not readable JSON' }]);
  }
}
