import { Args, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../../context';
import { actorOf } from '../common/writes/audit';
import { importAreas } from './areas.import';
import { AreaImportResult, ImportAreasArgs, ImportIndicatorValuesArgs, ImportResult } from './import.type';
import { importIndicatorValues } from './indicator-values.import';

@Resolver()
export class ImportResolver {
  @Authorized('STATISTICS')
  @Mutation(() => ImportResult, {
    description:
      'Imports indicator values from CSV in long form: dry run by default; all or nothing with errors per line; recomputes derived Stadtbezirk/city values after writing. Role: STATISTICS.',
  })
  importIndicatorValues(@Ctx() ctx: Context, @Args() { csv, dryRun, allowDerivedLevels, overrideConflicts }: ImportIndicatorValuesArgs): Promise<ImportResult> {
    return importIndicatorValues(ctx.prisma, csv, { dryRun, allowDerivedLevels, overrideConflicts, actor: actorOf(ctx.caller) });
  }

  @Authorized('ADMIN')
  @Mutation(() => AreaImportResult, {
    description:
      'Imports areas (Gebiete) from a GeoJSON FeatureCollection: dry run by default; all or nothing with errors per feature; creates and changes areas (never deletes), re-derives the area of service locations whose boundaries changed. Role: ADMIN.',
  })
  importAreas(@Ctx() ctx: Context, @Args() { geojson, dryRun, level, swapAxes, sourceKey }: ImportAreasArgs): Promise<AreaImportResult> {
    return importAreas(ctx.prisma, geojson, { dryRun, level, swapAxes, sourceKey, actor: actorOf(ctx.caller) });
  }
}
