import { Args, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../../context';
import { actorOf } from '../common/writes/audit';
import { importAreas } from './areas.import';
import { AreaImportResult, ImportAreasArgs, ImportIndicatorValuesArgs, ImportResult, ImportStatisticsArgs, StatisticsImportResult } from './import.type';
import { importStatisticsFiles } from './statistics.import';
import { hasAnyRole } from '../auth/roles';
import { BadUserInputError } from '../../errors';
import { importIndicatorValues } from './indicator-values.import';
import { resolveCity } from '../cities/city.sql';

/** Files per statistics import: the shipped Leipzig set is 8 (one request must stay below the import body limit). */
const MAX_STATISTICS_FILES = 20;

@Resolver()
export class ImportResolver {
  @Authorized('STATISTICS')
  @Mutation(() => ImportResult, {
    description:
      'Imports indicator values from CSV in long form: dry run by default; all or nothing with errors per line; recomputes derived Stadtbezirk/city values after writing. Role: STATISTICS.',
  })
  async importIndicatorValues(@Ctx() ctx: Context, @Args() { csv, dryRun, allowDerivedLevels, overrideConflicts, city }: ImportIndicatorValuesArgs): Promise<ImportResult> {
    const scope = await resolveCity(ctx.prisma, city);
    return importIndicatorValues(ctx.prisma, csv, { dryRun, allowDerivedLevels, overrideConflicts, city: scope, actor: actorOf(ctx.caller) });
  }

  @Authorized('STATISTICS')
  @Mutation(() => StatisticsImportResult, {
    description:
      'Imports statistics files in the published kdvalues shape by a mapping (the seed’s importer, mapping checks, value checks and plausibility warnings): dry run by default; all or nothing; derived Stadtbezirk/city values recomputed; a stored suppression is kept unless overrideConflicts. Role: STATISTICS; the indicators the mapping uses must be in the catalogue, except for ADMIN, whose import also writes the mapping’s indicator definitions.',
  })
  async importStatistics(@Ctx() ctx: Context, @Args() { files, mapping, dryRun, overrideConflicts, city }: ImportStatisticsArgs): Promise<StatisticsImportResult> {
    if (files.length < 1 || files.length > MAX_STATISTICS_FILES) throw new BadUserInputError(`files: 1–${MAX_STATISTICS_FILES} files per import`, 'files');
    return importStatisticsFiles(ctx.prisma, {
      city: await resolveCity(ctx.prisma, city),
      files: files.map((f) => ({ name: f.name, text: f.json })),
      mapping: mapping && { name: mapping.name, text: mapping.json },
      dryRun,
      overrideConflicts,
      defineIndicators: hasAnyRole(ctx.caller, ['ADMIN']),
      actor: actorOf(ctx.caller),
    });
  }

  @Authorized('ADMIN')
  @Mutation(() => AreaImportResult, {
    description:
      'Imports areas (Gebiete) from a GeoJSON FeatureCollection: dry run by default; all or nothing with errors per feature; creates and changes areas (never deletes), re-derives the area of service locations whose boundaries changed. Role: ADMIN.',
  })
  async importAreas(@Ctx() ctx: Context, @Args() { geojson, dryRun, level, swapAxes, sourceKey, city }: ImportAreasArgs): Promise<AreaImportResult> {
    // without a city the default city in SQL, no extra statement
    const scope = city ? await resolveCity(ctx.prisma, city) : undefined;
    return importAreas(ctx.prisma, geojson, { dryRun, level, swapAxes, sourceKey, city: scope, actor: actorOf(ctx.caller) });
  }
}
