import { ImportResolver } from '../imports/import.resolver';
import { AuditResolver } from './audit.resolver';
import { versionResolvers } from './editing.type';
import { LocationMutations } from './location.mutations';
import { FundingMutations } from './funding.mutations';
import { IndicatorMutations } from './indicator.mutations';
import { NormMutations } from './norm.mutations';
import { ParticipationMutations } from './participation.mutations';
import { PlanMutations } from './plan.mutations';
import { ProviderMutations } from './provider.mutations';
import { ServiceMutations } from './service.mutations';
import { SourceMutations } from './source.mutations';

/** Every resolver of the editing module, for buildSchema. */
export const editingResolvers = [
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
