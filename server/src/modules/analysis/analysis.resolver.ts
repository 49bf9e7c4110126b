import Decimal from 'decimal.js';
import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root, type ClassType } from 'type-graphql';
import {
  AnalysisInputError,
  COMBINED_CLASSES,
  COVERAGE_METHOD,
  E2SFCA_METHOD,
  EARLY_WARNING_DEFAULTS,
  GAPS_METHOD,
  GAP_LABELS,
  STATUS_LABELS,
  computeGaps,
  computeMoney,
  defaultEarlyWarningRules,
  evaluateEarlyWarning,
  runScenario,
  zoneWeight,
  type CoverageRow,
  type EarlyWarningRule,
  type GapPlannerInput,
  type GapRow,
  type MethodText,
  type ScenarioService,
  type ScenarioState as PureScenarioState,
  type StatusClass,
} from '../../analysis';
import type { Context } from '../../context';
import { BadUserInputError } from '../../errors';
import { Area } from '../areas/area.type';
import { checkYear } from '../common/years';
import {
  AccessibilityArgs,
  CoverageArgs,
  EarlyWarningArgs,
  GapArgs,
  MoneyFlowArgs,
  NeedIndexArgs,
  ScenarioInput,
  type EarlyWarningRuleInput,
} from './analysis.args';
import {
  DEFAULT_NEED_KEYS,
  computeAccessibility,
  type AccessibilityInputs,
  type DecayRequest,
  loadAccessibilityInputs,
  loadCoverage,
  loadNeedIndex,
  loadObservations,
  resolveMeasures,
} from './analysis.data';
import { areasOfLevel, areasOfPoints, categoriesWithNorms, fundings, priceIndex, servicePoints, valuesForLevels } from './analysis.sql';
import {
  AccessibilityArea,
  AccessibilityPoint,
  DecayKind,
  NeedIndexPresetEnum,
  AccessibilityResultType,
  CoverageResultType,
  CoverageRowType,
  EarlyWarningAlert,
  EarlyWarningNotEvaluated,
  EarlyWarningResultType,
  EarlyWarningRuleKind,
  GapResultType,
  GapRowType,
  MarginUnit,
  MoneyAreaYear,
  MoneyChange,
  MoneyResultType,
  NeedIndexArea,
  NeedIndexResultType,
  ScenarioAreaType,
  ScenarioMoney,
  ScenarioResultType,
  type AnalysisMissingReason,
  type CapacityMode,
  type DemandMode,
  type EarlyWarningRuleType,
  type GapClassEnum,
  type NeedDynamicsClass,
  type NeedStatusClass,
  type ScenarioState,
} from './analysis.type';

const MAX_ADDED_SERVICES = 50;

/** Analysis input errors (the pure functions' AnalysisInputError) become BAD_USER_INPUT naming the field. */
function translate(error: unknown): never {
  if (error instanceof AnalysisInputError) throw new BadUserInputError(error.message, error.field ?? 'input');
  throw error;
}

function guard<T>(fn: () => T): T {
  try {
    const out = fn();
    if (out instanceof Promise) return out.catch(translate) as T;
    return out;
  } catch (error) {
    return translate(error);
  }
}

function requireYear(year: number, argument: string) {
  if (year === undefined || year === null) throw new BadUserInputError(`${argument} is required`, argument);
  checkYear(year, argument);
}

const reason = (r: string | null | undefined) => (r ?? null) as AnalysisMissingReason | null;

function withMethod(method: MethodText, extra: Partial<MethodText> = {}): MethodText {
  return { de: method.de + (extra.de ? ` ${extra.de}` : ''), en: method.en + (extra.en ? ` ${extra.en}` : '') };
}

/** `area` field for every row type that carries an `areaId`, through the per-request area loader. */
function areaFieldFor<T extends { areaId: number }>(cls: ClassType<T>) {
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

export const analysisAreaResolvers = [
  NeedIndexArea,
  CoverageRowType,
  AccessibilityArea,
  AccessibilityPoint,
  GapRowType,
  MoneyAreaYear,
  MoneyChange,
  EarlyWarningAlert,
  EarlyWarningNotEvaluated,
  ScenarioAreaType,
  ScenarioMoney,
].map((cls) => areaFieldFor(cls as ClassType<{ areaId: number }>));

function coverageRowOut(row: CoverageRow, c: { targetIndicatorKey: string | null; targetDescription: string | null; origin: string | null }): CoverageRowType {
  const unknown = row.services > 0 && row.servicesWithoutCapacity === row.services;
  const P = row.targetPopulation;
  return {
    areaId: row.areaId as number,
    category: row.category,
    services: row.services,
    capacity: unknown ? null : row.capacity,
    capacityKnown: !unknown,
    capacityComplete: row.capacityComplete,
    servicesWithoutCapacity: row.servicesWithoutCapacity,
    targetPopulation: P,
    targetIndicatorKey: c.targetIndicatorKey ?? '',
    targetDescription: c.targetDescription ?? '',
    ratioPer1000: unknown ? null : row.ratioPer1000,
    servicesPer1000: P !== null && P > 0 ? (1000 * row.services) / P : null,
    norm: row.norm,
    required: row.required,
    gap: unknown ? null : row.gap,
    coveragePercent: unknown ? null : row.coveragePercent,
    reason: reason(row.reason ?? (unknown ? 'CAPACITY_UNKNOWN' : null)),
    normOrigin: c.origin ?? '',
  };
}

function ruleOut(rule: EarlyWarningRule): EarlyWarningRuleType {
  const base = { indicatorKey: rule.indicatorKey, threshold: null, margin: null, marginUnit: null, years: null, span: null };
  switch (rule.kind) {
    case 'threshold':
      return { ...base, kind: EarlyWarningRuleKind.THRESHOLD, threshold: rule.threshold };
    case 'worseThanCity':
      return { ...base, kind: EarlyWarningRuleKind.WORSE_THAN_CITY, margin: rule.margin, marginUnit: rule.marginUnit as MarginUnit };
    case 'worseningStreak':
      return { ...base, kind: EarlyWarningRuleKind.WORSENING_STREAK, years: rule.years };
    default:
      return { ...base, kind: EarlyWarningRuleKind.FASTER_THAN_CITY, span: rule.span, margin: rule.margin, marginUnit: (rule.marginUnit ?? 'UNITS') as MarginUnit };
  }
}

function ruleIn(rule: EarlyWarningRuleInput, n: number): EarlyWarningRule {
  const field = (name: string) => `rules[${n}].${name}`;
  switch (rule.kind) {
    case EarlyWarningRuleKind.THRESHOLD:
      if (rule.threshold === undefined || rule.threshold === null) throw new BadUserInputError('a THRESHOLD rule needs a threshold', field('threshold'));
      return { kind: 'threshold', indicatorKey: rule.indicatorKey, threshold: rule.threshold };
    case EarlyWarningRuleKind.WORSE_THAN_CITY: {
      const unit = rule.marginUnit ?? MarginUnit.PERCENT_OF_CITY;
      if (unit === MarginUnit.SD_OF_AREAS) throw new BadUserInputError('WORSE_THAN_CITY takes UNITS or PERCENT_OF_CITY', field('marginUnit'));
      return { kind: 'worseThanCity', indicatorKey: rule.indicatorKey, margin: rule.margin ?? EARLY_WARNING_DEFAULTS.worseThanCity.margin, marginUnit: unit };
    }
    case EarlyWarningRuleKind.WORSENING_STREAK:
      return { kind: 'worseningStreak', indicatorKey: rule.indicatorKey, years: rule.years ?? EARLY_WARNING_DEFAULTS.worseningStreak.years };
    default: {
      if (rule.marginUnit === MarginUnit.PERCENT_OF_CITY) throw new BadUserInputError('FASTER_THAN_CITY takes UNITS or SD_OF_AREAS', field('marginUnit'));
      const d = EARLY_WARNING_DEFAULTS.fasterThanCity;
      // a margin without unit keeps its old meaning (units); no margin at all gets the default spread rule
      const unit = rule.marginUnit ?? (rule.margin === undefined || rule.margin === null ? d.marginUnit : MarginUnit.UNITS);
      return { kind: 'fasterThanCity', indicatorKey: rule.indicatorKey, span: rule.span ?? d.span, margin: rule.margin ?? d.margin, marginUnit: unit as 'UNITS' | 'SD_OF_AREAS' };
    }
  }
}

const lookback = (rule: EarlyWarningRule) =>
  rule.kind === 'worseningStreak' ? rule.years : rule.kind === 'fasterThanCity' ? rule.span : 1;

const unitText = (unit: string) => (unit === 'PERCENT' ? '%' : unit === 'PER_THOUSAND' ? '‰' : unit === 'EUR_PER_MONTH' ? 'EUR/Monat' : '');

const NEED_FOR_GAPS = {
  de: 'Bedarf N = standardisierter Statusindex S* des Bedarfsindex (Standardindikatoren).',
  en: 'Need N = standardised status index S* of the need index (default indicators).',
};

const ACCESS_EXTRA = (mode: string) =>
  mode === 'FACILITY_COUNT'
    ? {
        de: 'Für diese Angebotsart sind keine Kapazitäten erfasst: jedes Angebot zählt 1 (Einrichtungen je Person).',
        en: 'No capacities are recorded for this category: every service counts 1 (facilities per person).',
      }
    : {
        de: 'Angebote ohne Kapazitätsangabe werden nicht gezählt und aufgelistet. Nachfrage: Zielgruppe der Ortsteile flächenanteilig auf Rasterzellen verteilt.',
        en: 'Services without a recorded capacity are not counted and are listed. Demand: the districts’ target population spread over grid cells by area share.',
      };

function checkGrid(gridSizeM: number) {
  if (!Number.isInteger(gridSizeM) || gridSizeM < 100 || gridSizeM > 2000) throw new BadUserInputError('gridSizeM must be 100–2000 metres', 'gridSizeM');
}

@Resolver()
export class AnalysisResolver {
  @Query(() => NeedIndexResultType, {
    description:
      'Need index (Bedarfsindex) per area after Berlin’s Monitoring Soziale Stadtentwicklung: status index from z-standardised, ' +
      'polarity-signed, weighted indicators; dynamics from the change over `span` years; 4 status × 3 dynamics classes. ' +
      'Status classes name the social status: HIGH = least need … VERY_LOW = most need. Suppressed values exclude the area.',
  })
  async needIndex(@Ctx() ctx: Context, @Args() args: NeedIndexArgs): Promise<NeedIndexResultType> {
    requireYear(args.year, 'year');
    if (!Number.isInteger(args.span) || args.span < 1 || args.span > 20) throw new BadUserInputError('span must be 1–20 years', 'span');
    if (!(args.minPopulation >= 0)) throw new BadUserInputError('minPopulation must be ≥ 0', 'minPopulation');
    if (args.indicators) {
      if (args.indicators.length === 0 || args.indicators.length > 20) throw new BadUserInputError('give 1–20 indicators', 'indicators');
      args.indicators.forEach((i, n) => {
        if (!(i.weight > 0) || !Number.isFinite(i.weight)) throw new BadUserInputError('weight must be > 0', `indicators[${n}].weight`);
      });
      if (new Set(args.indicators.map((i) => i.key)).size !== args.indicators.length) throw new BadUserInputError('duplicate indicator key', 'indicators');
    }
    const cut = args.statusCutoffs;
    if (cut && !(cut.high <= cut.low && cut.low <= cut.veryLow)) throw new BadUserInputError('cut-offs must satisfy high ≤ low ≤ veryLow', 'statusCutoffs');
    if (args.dynamicsCutoff !== undefined && args.dynamicsCutoff !== null && !(args.dynamicsCutoff >= 0)) {
      throw new BadUserInputError('dynamicsCutoff must be ≥ 0', 'dynamicsCutoff');
    }

    const { result, measures } = await guard(() => loadNeedIndex(ctx, { ...args, statusCutoffs: cut ? { ...cut } : null }));
    const metaBy = new Map(measures.map((m) => [m.key, m]));
    return {
      method: result.method,
      parameters: {
        ...result.parameters,
        preset: result.parameters.preset as NeedIndexPresetEnum,
        level: args.level,
        indicators: result.parameters.indicators.map((i) => {
          const m = metaBy.get(i.key)!;
          return { key: i.key, weight: i.weight, polarity: i.polarity, name: m.name, unit: m.unit, derivedFrom: m.derivedFrom };
        }),
      },
      indicatorStats: result.indicatorStats,
      statusIndexStats: result.statusIndexStats,
      dynamicsIndexStats: result.dynamicsIndexStats,
      classes: COMBINED_CLASSES,
      areas: result.areas.map((a) => {
        const labels = a.statusClass ? STATUS_LABELS[a.statusClass as StatusClass] : null;
        return {
          ...a,
          areaId: a.areaId as number,
          reason: reason(a.reason),
          statusClass: a.statusClass as NeedStatusClass | null,
          statusLabelDe: labels?.de ?? null,
          needLabelDe: labels?.needDe ?? null,
          needLabelEn: labels?.needEn ?? null,
          dynamicsClass: a.dynamicsClass as NeedDynamicsClass | null,
          dynamicsReason: reason(a.dynamicsReason),
          components: a.components.map((c) => ({ ...c, valueReason: reason(c.valueReason), baseValueReason: reason(c.baseValueReason) })),
        };
      }),
    };
  }

  @Query(() => CoverageResultType, {
    description:
      'Coverage (Versorgung) per area × service category: ACTIVE, published services located in the area (by their location point), ' +
      'capacity against the target population of the category’s norm, ratio per 1,000 and gap to the norm. Capacity not recorded ' +
      '(e.g. day-care centres) is reported as unknown, never as 0.',
  })
  async coverage(@Ctx() ctx: Context, @Args() args: CoverageArgs): Promise<CoverageResultType> {
    requireYear(args.year, 'year');
    const data = await guard(() => loadCoverage(ctx, args));
    const catBy = new Map(data.categories.map((c) => [c.key, c]));
    const serviceOf = new Map(data.services.map((s) => [String(s.pieceId), s.serviceId]));
    return {
      method: withMethod(COVERAGE_METHOD, {
        de: 'Angebote ohne Kapazitätsangabe werden gezählt, ihre Kapazität nicht; ohne jede Kapazitätsangabe ist die Kapazität unbekannt (null).',
        en: 'Services without capacity are counted, their capacity is not; with no capacity recorded at all, capacity is unknown (null).',
      }),
      parameters: {
        level: args.level,
        year: args.year,
        categories: data.categories.map((c) => ({
          key: c.key,
          name: c.name,
          norm: {
            perThousand: c.perThousand!,
            targetIndicatorKey: c.targetIndicatorKey!,
            targetDescription: c.targetDescription!,
            origin: c.origin!,
            zoneRadiiM: c.zoneRadiiM ?? [],
            zoneWeights: c.zoneWeights ?? [],
          },
        })),
      },
      rows: data.result.rows.map((r) => coverageRowOut(r, catBy.get(r.category)!)),
      unassignedServiceIds: [...new Set(data.result.unassignedServices.map((id) => serviceOf.get(String(id)) ?? Number(id)))],
    };
  }

  @Query(() => AccessibilityResultType, {
    description:
      'Spatial accessibility by the enhanced two-step floating catchment area method (E2SFCA; Luo & Qi 2009) for one category: ' +
      'per area (population-weighted over its demand points) and optionally per demand point. Zones and weights from the category’s norm. ' +
      'Services across a district border count for their neighbours.',
  })
  async accessibility(@Ctx() ctx: Context, @Args() args: AccessibilityArgs): Promise<AccessibilityResultType> {
    requireYear(args.year, 'year');
    checkGrid(args.gridSizeM);
    checkDecay(args);
    const inp = await guard(() => loadAccessibilityInputs(ctx, { ...args, decay: decayArg(args) }));
    const acc = guard(() => computeAccessibility(inp));
    const byArea = new Map(acc.areas.map((a) => [a.areaId as number, a]));
    const serviceOf = new Map(acc.supplies.map((s) => [String(s.id), s]));
    return {
      method: withMethod(E2SFCA_METHOD, ACCESS_EXTRA(inp.capacityMode)),
      parameters: {
        category: args.category,
        year: args.year,
        level: args.level,
        demandLevel: inp.demandLevel as AccessibilityResultType['parameters']['level'],
        demand: args.demand as DemandMode,
        gridSizeM: args.demand === 'GRID' ? args.gridSizeM : null,
        zones: inp.decay.kind === 'STEP' ? inp.zones : [],
        catchment: zoneWeight(inp.zones).catchment,
        capacityMode: inp.capacityMode as CapacityMode,
        targetIndicatorKey: inp.category.targetIndicatorKey!,
        targetDescription: inp.category.targetDescription!,
        distance: `straight-line great-circle metres (haversine, R = 6,371 km) × detour factor ${inp.detourFactor}; pairs from a k-d tree (kdbush)`,
        ...decayOut(inp),
      },
      areas: inp.areas.map((a) => {
        const r = byArea.get(a.id);
        return r
          ? { ...r, areaId: a.id, reason: reason(r.reason) }
          : { areaId: a.id, population: null, accessibility: null, accessibilityPer1000: null, reason: reason('NO_DEMAND'), demandPoints: 0, populationWithoutSupply: null };
      }),
      points: args.points
        ? acc.result.demands.map((d, i) => ({
            areaId: inp.levelOf.get(d.areaId as number) ?? (d.areaId as number),
            lon: inp.demands[i]!.lon,
            lat: inp.demands[i]!.lat,
            population: d.population,
            accessibilityPer1000: d.accessibilityPer1000,
            reason: reason(d.reason),
            suppliesInReach: d.suppliesInReach,
          }))
        : null,
      supplies: acc.result.supplies.map((s) => ({
        serviceId: serviceOf.get(String(s.id))!.serviceId,
        name: serviceOf.get(String(s.id))!.name,
        capacity: s.capacity,
        weightedDemand: s.weightedDemand,
        ratio: s.ratio,
        ratioReason: reason(s.ratioReason),
        demandPointsInReach: s.demandPointsInReach,
      })),
      servicesNotCounted: acc.notCounted,
      suppliesWithoutDemand: [...new Set(acc.result.suppliesWithoutDemand.map((id) => serviceOf.get(String(id))!.serviceId))],
    };
  }

  @Query(() => GapResultType, {
    description:
      'Gaps (Versorgungslücken) for one category: gap score g = z(need) − z(supply) and class per area. Need = S* of the need index ' +
      '(default indicators, year `needYear`); supply = E2SFCA accessibility per 1,000 (default) or the coverage ratio per 1,000. ' +
      'The map’s headline layer; the demand grid is cached, so repeated calls are fast.',
  })
  async gaps(@Ctx() ctx: Context, @Args() args: GapArgs): Promise<GapResultType> {
    requireYear(args.year, 'year');
    const needYear = args.needYear ?? args.year;
    checkYear(needYear, 'needYear');
    checkDecay(args);
    const [need, supply] = await guard(() =>
      Promise.all([
        loadNeedIndex(ctx, { level: args.level, year: needYear }),
        args.supply === 'COVERAGE' ? this.coverageSupply(ctx, args) : this.accessibilitySupply(ctx, args),
      ]),
    );
    const needBy = new Map(need.result.areas.map((a) => [a.areaId as number, a]));
    const result = guard(() =>
      computeGaps({
        category: args.category,
        needMeasure: 'statusZ',
        supplyMeasure: supply.measure,
        areas: need.areas.map((a) => {
          const n = needBy.get(a.id)!;
          const s = supply.values.get(a.id);
          const planner = supply.planner.get(a.id);
          return {
            areaId: a.id, need: n.statusZ, needReason: n.reason, supply: s?.value ?? null, supplyReason: s?.reason ?? 'MISSING',
            ...(planner ? { planner } : {}),
          };
        }),
      }),
    );
    return {
      method: withMethod(GAPS_METHOD, { de: `${NEED_FOR_GAPS.de} ${supply.text.de}`, en: `${NEED_FOR_GAPS.en} ${supply.text.en}` }),
      parameters: {
        ...result.parameters,
        year: args.year,
        needYear,
        level: args.level,
        classCutoffs: [result.parameters.cutoffs.moderate, result.parameters.cutoffs.high, result.parameters.cutoffs.critical],
        detourFactor: args.detourFactor,
        decay: args.decay,
      },
      rows: result.rows.map((r) => gapRowOut(r)),
    };
  }

  private async coverageSupply(ctx: Context, args: GapArgs) {
    const data = await loadCoverage(ctx, { level: args.level, year: args.year, categoryKeys: [args.category] });
    const c = data.categories[0]!;
    const rows = data.result.rows.map((r) => coverageRowOut(r, c));
    const facilities = rows.every((r) => r.services === 0 || !r.capacityKnown);
    const values = new Map<number, { value: number | null; reason: AnalysisMissingReason | null }>(
      rows.map((r) => [r.areaId, { value: facilities ? r.servicesPer1000 : r.ratioPer1000, reason: r.reason }]),
    );
    const planner = new Map<number, GapPlannerInput>(
      facilities
        ? []
        : data.result.rows.map((r) => [r.areaId as number, { norm: r.norm, targetPopulation: r.targetPopulation, supplyPer1000: r.ratioPer1000, ...targetWords(c.targetIndicatorKey) }]),
    );
    return {
      measure: facilities ? 'coverageServicesPer1000' : 'coverageRatioPer1000',
      values,
      planner,
      text: facilities
        ? { de: 'Versorgung V = Angebote je 1.000 der Zielgruppe im Gebiet (keine Kapazitäten erfasst).', en: 'Supply V = services per 1,000 of the target group in the area (no capacities recorded).' }
        : { de: 'Versorgung V = Kapazität je 1.000 der Zielgruppe im Gebiet.', en: 'Supply V = capacity per 1,000 of the target group in the area.' },
    };
  }

  private async accessibilitySupply(ctx: Context, args: GapArgs) {
    const inp = await loadAccessibilityInputs(ctx, {
      category: args.category, year: args.year, level: args.level, demand: 'GRID', gridSizeM: 250, decay: decayArg(args), detourFactor: args.detourFactor,
    });
    const acc = guard(() => computeAccessibility(inp));
    const targetBy = new Map(inp.targets.map((t) => [t.areaId as number, t.population]));
    const catchment = zoneWeight(inp.zones).catchment;
    // norms are in capacity units: without recorded capacities (facility count) places cannot be stated
    const planner = new Map<number, GapPlannerInput>(
      inp.capacityMode === 'FACILITY_COUNT'
        ? []
        : acc.areas.map((a) => [a.areaId as number, {
            norm: inp.category.perThousand ?? null,
            targetPopulation: targetBy.get(a.areaId as number) ?? null,
            supplyPer1000: a.accessibilityPer1000,
            withoutServiceInReach: a.populationWithoutSupply,
            catchmentMetres: catchment,
            detourFactor: inp.detourFactor,
            supplyDe: 'erreichbar',
            supplyEn: 'within reach',
            ...targetWords(inp.category.targetIndicatorKey),
          }]),
    );
    return {
      measure: 'e2sfcaPer1000',
      values: new Map(acc.areas.map((a) => [a.areaId as number, { value: a.accessibilityPer1000, reason: reason(a.reason) }])),
      planner,
      text: {
        de: `Versorgung V = Erreichbarkeit nach E2SFCA je 1.000 der Zielgruppe (250-m-Raster${inp.capacityMode === 'FACILITY_COUNT' ? ', Einrichtungen statt Kapazität' : ''}).`,
        en: `Supply V = E2SFCA accessibility per 1,000 of the target group (250 m grid${inp.capacityMode === 'FACILITY_COUNT' ? ', facilities instead of capacity' : ''}).`,
      },
    };
  }

  @Query(() => MoneyResultType, {
    description:
      'Funding per area (Förderung je Gebiet) by the location of the funded services: nominal and real (deflated by the consumer price index), ' +
      'per resident and per person of the target group, real change from fromYear to toYear with the "Dynamisierung fehlt" flag, and the ' +
      'Spearman rank correlation of funding per resident with the need index (does money follow need?). Granted and paid funding only.',
  })
  async moneyFlows(@Ctx() ctx: Context, @Args() args: MoneyFlowArgs): Promise<MoneyResultType> {
    requireYear(args.fromYear, 'fromYear');
    requireYear(args.toYear, 'toYear');
    if (args.fromYear > args.toYear) throw new BadUserInputError('fromYear must be ≤ toYear', 'fromYear');
    if (args.toYear - args.fromYear > 30) throw new BadUserInputError('at most 30 years', 'toYear');
    const needYear = args.needYear ?? args.toYear;
    if (needYear < args.fromYear || needYear > args.toYear) throw new BadUserInputError('needYear must lie between fromYear and toYear', 'needYear');
    if (args.baseYear !== undefined && args.baseYear !== null) checkYear(args.baseYear, 'baseYear');

    const categories = args.categoryKeys?.length ? await categoriesWithNorms(ctx.prisma, args.categoryKeys) : null;
    if (categories && args.categoryKeys) {
      const missing = args.categoryKeys.find((k) => !categories.some((c) => c.key === k));
      if (missing !== undefined) throw new BadUserInputError(`unknown service category "${missing}"`, 'categoryKeys');
    }
    const targetIds = categories ? [...new Set(categories.map((c) => c.targetIndicatorId))] : [];
    const targetId = targetIds.length === 1 && targetIds[0] !== null ? targetIds[0]! : null;
    const targetKey = targetId !== null ? categories![0]!.targetIndicatorKey : null;
    const { byKey } = await resolveMeasures(ctx.prisma, [], ['population']);
    const indicatorIds = [byKey.get('population')!.id, ...(targetId !== null ? [targetId] : [])];

    const categoryIds = categories ? categories.map((c) => c.categoryId) : null;
    const [areas, locs, funds, obs, vpi, need] = await guard(() => Promise.all([
      areasOfLevel(ctx.prisma, args.level),
      servicePoints(ctx.prisma, { categoryIds, level: args.level, activeOnly: false }, ctx.caller),
      fundings(ctx.prisma, { fromYear: args.fromYear, toYear: args.toYear, categoryIds }, ctx.caller),
      loadObservations(ctx.prisma, ctx.caller, indicatorIds, [], [args.level], args.fromYear, args.toYear),
      priceIndex(ctx.prisma),
      loadNeedIndex(ctx, { level: args.level, year: needYear }),
    ]));
    const priceBaseYear = args.baseYear ?? args.toYear;
    if (!vpi.some((p) => p.year === priceBaseYear)) throw new BadUserInputError(`no consumer price index for ${priceBaseYear}`, 'baseYear');
    const years = Array.from({ length: args.toYear - args.fromYear + 1 }, (_, i) => args.fromYear + i);
    const result = guard(() =>
      computeMoney({
        areas: areas.map((a) => a.id),
        years,
        fundings: funds.map((f) => ({ serviceId: f.serviceId, year: f.year, amount: f.amount })),
        serviceLocations: locs.map((l) => ({ serviceId: l.serviceId, areaId: l.areaId, share: l.share })),
        residents: obs.filter((o) => o.indicatorKey === 'population').map((o) => ({ areaId: o.areaId, year: o.year, population: o.value, status: o.status })),
        targetPopulation:
          targetKey !== null
            ? obs.filter((o) => o.indicatorKey === targetKey).map((o) => ({ areaId: o.areaId, year: o.year, population: o.value, status: o.status }))
            : undefined,
        priceIndex: vpi.map((p) => ({ year: p.year, index: p.index })),
        priceBaseYear,
        span: Math.max(1, args.toYear - args.fromYear),
        need: need.result.areas.map((a) => ({ areaId: a.areaId, value: a.statusZ })),
        needYear,
      }),
    );
    return {
      method: withMethod(result.method, {
        de: `Bewilligte und ausgezahlte Förderung von Angeboten; Bedarf = S* des Bedarfsindex ${needYear}.`,
        en: `Granted and paid funding of services; need = S* of the need index ${needYear}.`,
      }),
      parameters: {
        level: args.level,
        fromYear: args.fromYear,
        toYear: args.toYear,
        priceBaseYear: result.parameters.priceBaseYear,
        span: result.parameters.span,
        tolerancePercent: result.parameters.tolerancePercent,
        categoryKeys: args.categoryKeys ?? null,
        targetIndicatorKey: targetKey,
        needYear,
        priceIndex: result.parameters.priceIndex.filter((p) => p.year === priceBaseYear || years.includes(p.year)),
      },
      byAreaYear: result.byAreaYear.map((r) => ({ ...r, areaId: r.areaId as number, reason: reason(r.reason) })),
      changes: result.changes.map((c) => ({ ...c, areaId: c.areaId as number, reason: reason(c.reason) })),
      unallocated: result.unallocated.map((u) => ({ ...u, serviceIds: u.serviceIds.map(Number) })),
      needCorrelation: result.needCorrelation,
    };
  }

  @Query(() => EarlyWarningResultType, {
    description:
      'Early warning (Frühwarnsystem): rules per area and indicator for year t — beyond a threshold, worse than the city, worsening ' +
      'several years in a row, worsening faster than the city — each alert with the years and values that triggered it. The city ' +
      'series is the CITY-level area’s values. A rule lacking a value is listed in notEvaluated, never counted as "no alert".',
  })
  async earlyWarnings(@Ctx() ctx: Context, @Args() args: EarlyWarningArgs): Promise<EarlyWarningResultType> {
    requireYear(args.year, 'year');
    const keys = args.indicators?.length ? args.indicators : [...DEFAULT_NEED_KEYS];
    if (keys.length > 30) throw new BadUserInputError('at most 30 indicators', 'indicators');
    const rules = args.rules?.length ? args.rules.map(ruleIn) : defaultEarlyWarningRules(keys);
    if (rules.length > 200) throw new BadUserInputError('at most 200 rules', 'rules');
    const back = Math.max(...rules.map(lookback));
    if (back > 30) throw new BadUserInputError('years/span must be at most 30', 'rules');
    const measureKeys = [...new Set([...(args.rules?.length ? [] : keys), ...rules.map((r) => r.indicatorKey)])];
    const { measures, indicatorIds } = await resolveMeasures(ctx.prisma, measureKeys);
    const [areas, obs, need] = await Promise.all([
      areasOfLevel(ctx.prisma, args.level),
      loadObservations(ctx.prisma, ctx.caller, indicatorIds, measureKeys, [args.level, 'CITY'], args.year - back, args.year),
      // the dynamics classes the alerts are read against (default need index, MSS 2021); none where it cannot be computed
      guard(() => loadNeedIndex(ctx, { level: args.level, year: args.year })).catch(() => null),
    ]);
    const dynamics = (need?.result.areas ?? [])
      .filter((a) => a.dynamicsClass !== null)
      .map((a) => ({ areaId: a.areaId, dynamicsClass: a.dynamicsClass!, dynamicsZ: a.dynamicsZ, baseYear: need!.result.parameters.baseYear, year: args.year }));
    const result = guard(() =>
      evaluateEarlyWarning({
        dynamics,
        year: args.year,
        indicators: measures.map((m) => ({ key: m.key, polarity: m.polarity, label: m.name, unit: unitText(m.unit) })),
        areaSeries: obs.filter((o) => o.level === args.level && measureKeys.includes(o.indicatorKey)),
        citySeries: obs.filter((o) => o.level === 'CITY' && measureKeys.includes(o.indicatorKey)),
        rules,
        areas: areas.map((a) => a.id),
      }),
    );
    return {
      method: result.method,
      parameters: { level: args.level, year: args.year, rules: result.parameters.rules.map(ruleOut) },
      alerts: result.alerts.map(({ dynamicsNote, ...a }) => ({
        ...a,
        areaId: a.areaId as number,
        rule: ruleOut(a.rule),
        dynamicsNoteDe: dynamicsNote?.de ?? null,
        dynamicsNoteEn: dynamicsNote?.en ?? null,
      })),
      precision: result.precision,
      notEvaluated: result.notEvaluated.map((n) => ({ ...n, areaId: n.areaId as number, rule: ruleOut(n.rule), reason: n.reason as AnalysisMissingReason })),
    };
  }

  @Query(() => ScenarioResultType, {
    description:
      'What-if scenario (Szenario) for one category: add services at points, close services, change funding amounts; returns coverage, ' +
      'E2SFCA accessibility and gap class before and after for the areas whose supply, accessibility or gap class changes (gap scores ' +
      'shift everywhere, as they are relative). Writes nothing. A new service’s area is found spatially (ST_Covers); at most 50 new services.',
  })
  async scenario(@Ctx() ctx: Context, @Arg('input', () => ScenarioInput, { description: 'Changes to apply (Änderungen).' }) input: ScenarioInput): Promise<ScenarioResultType> {
    requireYear(input.year, 'input.year');
    const needYear = input.needYear ?? input.year;
    checkYear(needYear, 'input.needYear');
    checkDecay(input);
    const adds = input.addServices ?? [];
    const closeIds = input.closeServiceIds ?? [];
    const fundingChanges = input.fundingChanges ?? [];
    if (adds.length > MAX_ADDED_SERVICES) throw new BadUserInputError(`at most ${MAX_ADDED_SERVICES} services can be added`, 'input.addServices');
    adds.forEach((s, i) => {
      if (!Number.isFinite(s.lon) || s.lon < -180 || s.lon > 180) throw new BadUserInputError('lon must be −180…180', `input.addServices[${i}].lon`);
      if (!Number.isFinite(s.lat) || s.lat < -90 || s.lat > 90) throw new BadUserInputError('lat must be −90…90', `input.addServices[${i}].lat`);
      if (!(s.capacity > 0) || !Number.isFinite(s.capacity)) throw new BadUserInputError('capacity must be > 0', `input.addServices[${i}].capacity`);
    });
    if (closeIds.length > 500) throw new BadUserInputError('at most 500 services can be closed', 'input.closeServiceIds');
    if (fundingChanges.length > 500) throw new BadUserInputError('at most 500 funding changes', 'input.fundingChanges');
    fundingChanges.forEach((f, i) => {
      checkYear(f.year, `input.fundingChanges[${i}].year`);
      if (new Decimal(f.amount).isNegative()) throw new BadUserInputError('amount must be ≥ 0', `input.fundingChanges[${i}].amount`);
    });
    if (new Set(fundingChanges.map((f) => `${f.serviceId}|${f.year}`)).size !== fundingChanges.length) {
      throw new BadUserInputError('one change per service and year', 'input.fundingChanges');
    }

    const [inp, need, placed] = await guard(() => Promise.all([
      loadAccessibilityInputs(ctx, {
        category: input.category, year: input.year, level: input.level, demand: 'GRID', gridSizeM: 250, decay: decayArg(input), detourFactor: input.detourFactor,
      }),
      loadNeedIndex(ctx, { level: input.level, year: needYear }),
      adds.length ? areasOfPoints(ctx.prisma, adds, input.level) : Promise.resolve([]),
    ]));
    placed.forEach((p) => {
      if (p.areaId === null) throw new BadUserInputError('the point lies in no area of the city', `input.addServices[${p.idx}]`);
    });
    const known = new Set(inp.services.map((s) => s.serviceId));
    closeIds.forEach((id, i) => {
      if (!known.has(id)) throw new BadUserInputError(`service ${id} is no active service of category "${input.category}"`, `input.closeServiceIds[${i}]`);
    });

    const facility = inp.capacityMode === 'FACILITY_COUNT';
    const usable = inp.services.filter((s) => s.lon !== null && s.lat !== null && (facility || s.capacity !== null));
    const services: ScenarioService[] = usable.map((s) => ({
      serviceId: s.pieceId,
      category: s.category,
      capacity: facility ? 1 : s.capacity,
      lon: s.lon!,
      lat: s.lat!,
      areaId: s.areaId,
    }));
    const closedPieces = usable.filter((s) => closeIds.includes(s.serviceId)).map((s) => s.pieceId);
    const added = adds.map((s, i) => ({
      serviceId: `new-${i + 1}`,
      category: input.category,
      capacity: facility ? 1 : s.capacity,
      lon: s.lon,
      lat: s.lat,
      areaId: placed[i]!.areaId!,
    }));
    const money = fundingChanges.length ? await this.scenarioMoney(ctx, input.level, fundingChanges) : undefined;
    const result = guard(() =>
      runScenario(
        {
          category: input.category,
          areas: inp.areas.map((a) => a.id),
          services,
          demands: inp.demands.map((d) => ({ ...d, areaId: inp.levelOf.get(d.areaId as number) ?? d.areaId })),
          decay: inp.decay,
          detourFactor: inp.detourFactor,
          ...targetWords(inp.category.targetIndicatorKey),
          targets: inp.targets,
          norm: { category: input.category, perThousand: inp.category.perThousand! },
          need: need.result.areas.map((a) => ({ areaId: a.areaId, value: a.statusZ })),
          gapSupply: 'accessibility',
          money,
        },
        {
          addServices: added,
          closeServiceIds: closedPieces,
          fundingChanges: fundingChanges.map((f) => ({ serviceId: f.serviceId, year: f.year, amount: new Decimal(f.amount).toFixed(2) })),
        },
      ),
    );
    return {
      method: withMethod(result.method, {
        ...(facility
          ? { de: 'Ohne erfasste Kapazitäten zählt jedes Angebot 1 (auch neue).', en: 'Without recorded capacities every service counts 1 (new ones too).' }
          : {}),
      }),
      parameters: {
        category: input.category,
        year: input.year,
        needYear,
        level: input.level,
        zones: inp.zones,
        capacityMode: inp.capacityMode as CapacityMode,
        gridSizeM: 250,
        addedServices: adds.map((s, i) => ({ id: `new-${i + 1}`, name: s.name ?? null, lon: s.lon, lat: s.lat, capacity: s.capacity, areaId: placed[i]!.areaId! })),
        closedServiceIds: closeIds,
        fundingChanges: fundingChanges.map((f) => ({ serviceId: f.serviceId, year: f.year, amount: new Decimal(f.amount).toFixed(2) })),
      },
      // every gap score shifts a little when one area's supply changes (z-scores are relative): only areas with a
      // changed supply, accessibility or gap class are reported
      areas: result.areas
        .filter((a) => a.changed.some((c) => c !== 'gapScore'))
        .map((a) => ({
          areaId: a.areaId as number,
          before: stateOut(a.before),
          after: stateOut(a.after),
          changed: a.changed,
          gapClassChange: a.gapClassChange ? { from: a.gapClassChange.from as GapClassEnum | null, to: a.gapClassChange.to as GapClassEnum | null } : null,
          summaryDe: a.summary?.de ?? null,
          summaryEn: a.summary?.en ?? null,
        })),
      money: result.money ? result.money.map((m) => ({ ...m, areaId: m.areaId as number })) : null,
    };
  }

  private async scenarioMoney(ctx: Context, level: string, changes: { serviceId: number; year: number }[]) {
    const years = [...new Set(changes.map((c) => c.year))].sort((a, b) => a - b);
    const { byKey } = await resolveMeasures(ctx.prisma, [], ['population']);
    const [areas, locs, funds, vpi, pop] = await Promise.all([
      areasOfLevel(ctx.prisma, level),
      servicePoints(ctx.prisma, { categoryIds: null, level, activeOnly: false }, ctx.caller),
      fundings(ctx.prisma, { fromYear: years[0]!, toYear: years[years.length - 1]!, categoryIds: null }, ctx.caller),
      priceIndex(ctx.prisma),
      valuesForLevels(ctx.prisma, { indicatorIds: [byKey.get('population')!.id], levels: [level], fromYear: years[0]!, toYear: years[years.length - 1]! }, ctx.caller),
    ]);
    const knownServices = new Set(locs.map((l) => l.serviceId));
    changes.forEach((c, i) => {
      if (!knownServices.has(c.serviceId)) throw new BadUserInputError(`service ${c.serviceId} not found`, `input.fundingChanges[${i}].serviceId`);
    });
    const priceBaseYear = vpi.some((p) => p.year === years[years.length - 1]) ? years[years.length - 1]! : vpi[vpi.length - 1]!.year;
    return {
      areas: areas.map((a) => a.id),
      years,
      fundings: funds.filter((f) => years.includes(f.year)).map((f) => ({ serviceId: f.serviceId, year: f.year, amount: f.amount })),
      serviceLocations: locs.map((l) => ({ serviceId: l.serviceId, areaId: l.areaId, share: l.share })),
      residents: pop.map((o) => ({ areaId: o.areaId, year: o.year, population: o.value, status: o.status as 'REGULAR' })),
      priceIndex: vpi.map((p) => ({ year: p.year, index: p.index })),
      priceBaseYear,
    };
  }
}

function gapRowOut(r: GapRow): GapRowType {
  const labels = r.gapClass ? GAP_LABELS[r.gapClass] : null;
  return {
    areaId: r.areaId as number,
    need: r.need,
    supply: r.supply,
    needZ: r.needZ,
    supplyZ: r.supplyZ,
    score: r.score,
    gapClass: r.gapClass as GapClassEnum | null,
    gapLabelDe: labels?.de ?? null,
    gapLabelEn: labels?.en ?? null,
    reason: reason(r.reason),
    norm: r.planner?.norm ?? null,
    supplyPer1000: r.planner?.supplyPer1000 ?? null,
    missingPer1000: r.planner?.missingPer1000 ?? null,
    missingPlaces: r.planner?.missing ?? null,
    withoutServiceInReach: r.planner?.withoutServiceInReach ?? null,
    statementDe: r.planner?.statement?.de ?? null,
    statementEn: r.planner?.statement?.en ?? null,
  };
}

/** Words for the planner sentences: the shipped norms use residents as the target group. */
function targetWords(targetKey: string | null | undefined): { targetDe?: string; targetEn?: string } {
  return targetKey === 'population' ? { targetDe: 'Einwohner', targetEn: 'residents' } : {};
}

function checkDecay(args: { decay: DecayKind; beta?: number | null; minDistance?: number | null; detourFactor: number }) {
  if (!(args.detourFactor >= 1) || !Number.isFinite(args.detourFactor) || args.detourFactor > 5) throw new BadUserInputError('detourFactor must be 1–5', 'detourFactor');
  if (args.beta !== undefined && args.beta !== null && !(args.beta > 0 && args.beta <= 10)) throw new BadUserInputError('beta must be > 0 and ≤ 10', 'beta');
  if (args.minDistance !== undefined && args.minDistance !== null && !(args.minDistance > 0)) throw new BadUserInputError('minDistance must be > 0', 'minDistance');
}

function decayArg(args: { decay: DecayKind; beta?: number | null; minDistance?: number | null }): DecayRequest {
  return { kind: args.decay, beta: args.beta ?? null, minDistance: args.minDistance ?? null };
}

function decayOut(inp: AccessibilityInputs) {
  const d = inp.decay;
  return {
    detourFactor: inp.detourFactor,
    decay: d.kind as DecayKind,
    beta: d.kind === 'GRAVITY' ? d.beta : null,
    minDistance: d.kind === 'GRAVITY' ? d.minDistance : null,
  };
}

function stateOut(s: PureScenarioState): ScenarioState {
  return {
    services: s.coverage.services,
    capacity: s.coverage.capacity,
    ratioPer1000: s.coverage.ratioPer1000,
    coverageGap: s.coverage.gap,
    coveragePercent: s.coverage.coveragePercent,
    accessibilityPer1000: s.accessibility?.accessibilityPer1000 ?? null,
    accessibilityReason: reason(s.accessibility ? s.accessibility.reason : 'NO_DEMAND'),
    gapScore: s.gap.score,
    gapClass: s.gap.gapClass as GapClassEnum | null,
    missingPlaces: s.gap.planner?.missing ?? null,
  };
}
