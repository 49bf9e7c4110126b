import DataLoader from 'dataloader';
import { ArgsType, Ctx, Field, FieldResolver, Int, ObjectType, Resolver, Root, type ClassType } from 'type-graphql';
import type { Context } from '../../../context';
import { Area } from '../../areas/area.type';
import { Funding } from '../../funding/funding.type';
import { Indicator, Source } from '../../indicators/indicator.type';
import { ParticipationEvent } from '../../participation/participation.type';
import { Goal, Measure, Plan } from '../../plans/plan.type';
import { Provider } from '../../providers/provider.type';
import { CoverageNorm, Location, Service } from '../../services/service.type';
import type { VersionedModel } from './versioned';

@ObjectType({ description: 'Outcome of a retire mutation (stilllegen).' })
export class RetireResult {
  @Field({ description: 'What was retired, e.g. "service".' })
  entity!: string;

  @Field(() => Int, { description: 'Id of the retired record.' })
  id!: number;

  @Field({
    description:
      'True when the record was deleted (locations, funding rows, goals, measures, participation events, norms, unused indicators and sources); false when it was kept but closed or unpublished (services, providers, plans).',
  })
  deleted!: boolean;

  @Field(() => Int, { nullable: true, description: 'New version of a record that was kept; null when deleted.' })
  version!: number | null;
}

@ArgsType()
export class RetireArgs {
  @Field(() => Int, { description: 'Id of the record.' })
  id!: number;

  @Field(() => Int, { description: 'The version you read; a newer one in the database gives CONFLICT.' })
  version!: number;
}

const VERSION_DESCRIPTION =
  'Version for optimistic locking (Bearbeitungsstand): send it with an update; it grows by one with every change.';

type Versions = Map<VersionedModel, DataLoader<number, number | null>>;
const versionsPerRequest = new WeakMap<Context, Versions>();

/** One batched `SELECT id, version … WHERE id IN (…)` per model and request. */
function versionLoader(ctx: Context, model: VersionedModel, key: 'id' | 'categoryId' = 'id') {
  let loaders = versionsPerRequest.get(ctx);
  if (!loaders) versionsPerRequest.set(ctx, (loaders = new Map()));
  let loader = loaders.get(model);
  if (!loader) {
    type Finder = { findMany(args: object): Promise<Record<string, number>[]> };
    const table = ctx.prisma[model] as unknown as Finder;
    loader = new DataLoader(async (ids: readonly number[]) => {
      const rows = await table.findMany({ where: { [key]: { in: [...ids] } }, select: { [key]: true, version: true } });
      const byId = new Map(rows.map((r) => [r[key] as number, r.version as number]));
      return ids.map((id) => byId.get(id) ?? null);
    });
    loaders.set(model, loader);
  }
  return loader;
}

/** Adds `version` to a type owned by another module, without touching its files. */
function versionResolver<T extends object>(type: ClassType<T>, model: VersionedModel, key: 'id' | 'categoryId' = 'id') {
  @Resolver(() => type)
  class VersionResolver {
    @FieldResolver(() => Int, { description: VERSION_DESCRIPTION })
    version(@Root() record: Record<string, unknown>, @Ctx() ctx: Context) {
      if (typeof record.version === 'number') return record.version;
      return versionLoader(ctx, model, key).load(record[key] as number);
    }
  }
  return VersionResolver;
}

export const versionResolvers = [
  versionResolver(Service, 'service'),
  versionResolver(Provider, 'provider'),
  versionResolver(Location, 'location'),
  versionResolver(Funding, 'funding'),
  versionResolver(Plan, 'plan'),
  versionResolver(Goal, 'goal'),
  versionResolver(Measure, 'measure'),
  versionResolver(ParticipationEvent, 'participationEvent'),
  versionResolver(CoverageNorm, 'coverageNorm', 'categoryId'),
  versionResolver(Indicator, 'indicator'),
  versionResolver(Source, 'source'),
  versionResolver(Area, 'area'),
];
