import 'reflect-metadata';
import path from 'node:path';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { analysisAreaResolvers, analysisResolvers } from './modules/analysis/analysis.resolver';
import { AreaResolver } from './modules/areas/area.resolver';
import { CityResolver, PlaceLayerResolver } from './modules/cities/city.resolver';
import { AreaIndicatorResolver, IndicatorResolver, IndicatorValueResolver } from './modules/indicators/indicator.resolver';
import {
  AreaFundingTotalResolver,
  FundingResolver,
  ProviderFundingResolver,
  ServiceFundingResolver,
} from './modules/funding/funding.resolver';
import {
  AreaPlanResolver,
  GoalResolver,
  MeasureResolver,
  PlanReferenceResolver,
  PlanResolver,
} from './modules/plans/plan.resolver';
import { GeocodingResolver } from './modules/geocoding/geocoding.resolver';
import { AccessibilityPointStopResolver } from './modules/places/nearest-stop';
import { PlacesResolver, SocialBuildingResolver, TransitStopResolver } from './modules/places/places.resolver';
import { BudgetProductResolver, BudgetResolver } from './modules/budget/budget.resolver';
import { CategoryDataBasisResolver } from './modules/services/category-data-basis';
import {
  AreaParticipationResolver,
  ParticipationEventResolver,
  PlanParticipationResolver,
} from './modules/participation/participation.resolver';
import { ProviderResolver } from './modules/providers/provider.resolver';
import { ProviderMutations } from './modules/providers/provider.mutations';
import { AuditResolver } from './modules/audit/audit.resolver';
import { versionResolvers } from './modules/common/writes/writes.type';
import { FundingMutations } from './modules/funding/funding.mutations';
import { ImportResolver } from './modules/imports/import.resolver';
import { IndicatorMutations } from './modules/indicators/indicator.mutations';
import { SourceMutations } from './modules/indicators/source.mutations';
import { ParticipationMutations } from './modules/participation/participation.mutations';
import { PlanMutations } from './modules/plans/plan.mutations';
import { LocationMutations } from './modules/services/location.mutations';
import { NormMutations } from './modules/services/norm.mutations';
import { ServiceMutations } from './modules/services/service.mutations';
import { authChecker } from './modules/auth/auth-checker';
import { guardResolversWithArguments } from './http/input-guard';
import { directFieldResolvers } from './fast-resolvers';
import { AuthResolver } from './modules/auth/auth.resolver';
import {
  AreaServiceResolver,
  CoverageNormResolver,
  LocationResolver,
  ServiceCategoryResolver,
  ServiceResolver,
} from './modules/services/service.resolver';

export const resolvers = [
  AreaResolver,
  CityResolver,
  PlaceLayerResolver,
  IndicatorResolver,
  IndicatorValueResolver,
  AreaIndicatorResolver,
  ServiceResolver,
  ServiceCategoryResolver,
  CoverageNormResolver,
  LocationResolver,
  AreaServiceResolver,
  ProviderResolver,
  FundingResolver,
  AreaFundingTotalResolver,
  ServiceFundingResolver,
  ProviderFundingResolver,
  PlanResolver,
  PlanReferenceResolver,
  GoalResolver,
  MeasureResolver,
  AreaPlanResolver,
  ParticipationEventResolver,
  PlanParticipationResolver,
  AreaParticipationResolver,
  ...analysisResolvers,
  ...analysisAreaResolvers,
  AuthResolver,
  GeocodingResolver,
  PlacesResolver,
  BudgetResolver,
  BudgetProductResolver,
  TransitStopResolver,
  SocialBuildingResolver,
  AccessibilityPointStopResolver,
  CategoryDataBasisResolver,
  ServiceMutations,
  LocationMutations,
  ProviderMutations,
  FundingMutations,
  PlanMutations,
  ParticipationMutations,
  NormMutations,
  IndicatorMutations,
  SourceMutations,
  ImportResolver,
  AuditResolver,
  ...versionResolvers,
] as const;

/** The committed SDL: schema/schema.graphql at the repository root. */
export const sdlPath = path.resolve(__dirname, '..', '..', 'schema', 'schema.graphql');

let schema: Promise<GraphQLSchema> | undefined;

/** The executable schema, built once per process from the decorated classes. */
export function getSchema(): Promise<GraphQLSchema> {
  if (!schema) guardResolversWithArguments();
  schema ??= buildSchema({ resolvers: [...resolvers], validate: false, authChecker, authMode: 'error' }).then((built) => {
    directFieldResolvers(built);
    const query = built.getQueryType();
    if (query) {
      query.description =
        'Sozialatlas: districts, indicators, social services, providers and funding of a city, with the planning analyses.';
    }
    const mutation = built.getMutationType();
    if (mutation) {
      mutation.description =
        'Edits (planners), imports (statistics office), accounts and keys (admins), login and logout. Every mutation except login/logout needs a role and is written to the audit log.';
    }
    return built;
  });
  return schema;
}

/** The SDL as committed in schema/schema.graphql: sorted, so the diff shows real changes only. */
export async function printSdl(): Promise<string> {
  return `${printSchema(lexicographicSortSchema(await getSchema()))}\n`;
}
