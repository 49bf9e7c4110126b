import { type ClassType, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { type Context } from '../../context';
import { Area } from '../areas/area.type';
import { AccessibilityResolver } from './accessibility/accessibility.resolver';
import { AccessibilityArea, AccessibilityPoint, AccessibilityResultType } from './accessibility/accessibility.type';
import { CoverageResolver } from './coverage/coverage.resolver';
import { CoverageResultType, CoverageRowType } from './coverage/coverage.type';
import { EarlyWarningResolver } from './early-warning/early-warning.resolver';
import { EarlyWarningAlert, EarlyWarningNotEvaluated, EarlyWarningResultType } from './early-warning/early-warning.type';
import { GapsResolver } from './gaps/gaps.resolver';
import { GapResultType, GapRowType } from './gaps/gaps.type';
import { MoneyResolver } from './money/money.resolver';
import { MoneyAreaYear, MoneyChange, MoneyResultType } from './money/money.type';
import { NeedIndexResolver } from './need-index/need-index.resolver';
import { NeedIndexArea, NeedIndexResultType } from './need-index/need-index.type';
import { ScenarioResolver } from './scenario/scenario.resolver';
import { ScenarioAreaType, ScenarioMoney, ScenarioResultType } from './scenario/scenario.type';
import { type AreaId } from '../areas/area-id';
import { unavailableFieldFor } from '../cities/city.resolver';
import { CityGap } from '../cities/city.type';

// Every resolver of the planning analyses (one folder each) and the `area` field of their rows.
export const analysisResolvers = [
  NeedIndexResolver, CoverageResolver, AccessibilityResolver, GapsResolver, MoneyResolver, EarlyWarningResolver, ScenarioResolver,
  unavailableFieldFor(NeedIndexResultType, CityGap.NEED_INDEX),
  unavailableFieldFor(CoverageResultType, CityGap.COVERAGE_RATE),
  unavailableFieldFor(GapResultType, CityGap.GAP_CLASSES),
  unavailableFieldFor(EarlyWarningResultType, CityGap.EARLY_WARNING),
  unavailableFieldFor(AccessibilityResultType, CityGap.ACCESSIBILITY_DEMAND),
  unavailableFieldFor(MoneyResultType, CityGap.FUNDING_PER_RESIDENT),
  unavailableFieldFor(ScenarioResultType, CityGap.SCENARIO_DEMAND),
] as const;

/** `area` field for every row type that carries an `areaId`, through the per-request area loader. */
function areaFieldFor<T extends { areaId: AreaId }>(cls: ClassType<T>) {
  @Resolver(() => cls)
  class AreaOfRow {
    @FieldResolver(() => Area, { nullable: true, description: 'The area (Gebiet).' })
    area(@Root() row: T, @Ctx() ctx: Context) {
      return ctx.loaders.areaById.load(row.areaId);
    }
  }
  Object.defineProperty(AreaOfRow, 'name', { value: `${cls.name}AreaResolver` });
  return AreaOfRow;
}

// one call per class, so each is checked to carry an areaId
export const analysisAreaResolvers = [
  areaFieldFor(NeedIndexArea),
  areaFieldFor(CoverageRowType),
  areaFieldFor(AccessibilityArea),
  areaFieldFor(AccessibilityPoint),
  areaFieldFor(GapRowType),
  areaFieldFor(MoneyAreaYear),
  areaFieldFor(MoneyChange),
  areaFieldFor(EarlyWarningAlert),
  areaFieldFor(EarlyWarningNotEvaluated),
  areaFieldFor(ScenarioAreaType),
  areaFieldFor(ScenarioMoney),
];
