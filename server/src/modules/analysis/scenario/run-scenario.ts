import Decimal from 'decimal.js';
import { type ScenarioState as PureScenarioState, runScenario, type ScenarioService } from '../../../analysis';
import { type Context } from '../../../context';
import { BadUserInputError } from '../../../errors';
import { checkYear } from '../../common/years';
import { checkDecay, decayArg, reason, requireYear, targetWords, withMethod } from '../analysis.common';
import { loadAccessibilityInputs, loadNeedIndex, resolveMeasures } from '../analysis.data';
import { areasOfLevel, areasOfPoints, fundings, priceIndex, servicePoints, valuesForLevels } from '../analysis.sql';
import { type CapacityMode, type GapClassEnum } from '../analysis.type';
import { ScenarioInput } from './scenario.args';
import { ScenarioResultType, type ScenarioState } from './scenario.type';
import { areaIdOf } from '../../areas/area-id';
import type { CityScope } from '../../cities/city.sql';

const MAX_ADDED_SERVICES = 50;

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
    gapClass: s.gap.gapClass,
    missingPlaces: s.gap.planner?.missing ?? null,
  };
}

/** The scenario within one city (`scope`; absent: the default city, in SQL alone). */
export async function runScenarioAnswer(ctx: Context, input: ScenarioInput, scope?: CityScope): Promise<ScenarioResultType> {
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

  const [inp, need, placed] = await Promise.all([
    loadAccessibilityInputs(ctx, {
      category: input.category, year: input.year, level: input.level, demand: 'GRID', gridSizeM: 250, decay: decayArg(input), detourFactor: input.detourFactor, scope,
    }),
    loadNeedIndex(ctx, { level: input.level, year: needYear, scope }),
    adds.length ? areasOfPoints(ctx.prisma, adds, input.level, scope) : Promise.resolve([]),
  ]);
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
  const money = fundingChanges.length ? await scenarioMoney(ctx, input.level, fundingChanges, scope) : undefined;
  const result = runScenario(
    {
      category: input.category,
      areas: inp.areas.map((a) => a.id),
      services,
      demands: inp.demands.map((d) => ({ ...d, areaId: inp.levelOf.get(areaIdOf(d.areaId)) ?? d.areaId })),
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
      capacityMode: inp.capacityMode,
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
        areaId: areaIdOf(a.areaId),
        before: stateOut(a.before),
        after: stateOut(a.after),
        changed: a.changed,
        gapClassChange: a.gapClassChange ? { from: a.gapClassChange.from, to: a.gapClassChange.to } : null,
        summaryDe: a.summary?.de ?? null,
        summaryEn: a.summary?.en ?? null,
      })),
    money: result.money ? result.money.map((m) => ({ ...m, areaId: areaIdOf(m.areaId) })) : null,
  };
}

async function scenarioMoney(ctx: Context, level: string, changes: { serviceId: number; year: number }[], scope: CityScope | undefined) {
  const years = [...new Set(changes.map((c) => c.year))].sort((a, b) => a - b);
  const { byKey } = await resolveMeasures(ctx.prisma, [], ['population']);
  const [areas, locs, funds, vpi, pop] = await Promise.all([
    areasOfLevel(ctx.prisma, level, scope),
    servicePoints(ctx.prisma, { categoryIds: null, level, activeOnly: false, scope }, ctx.caller),
    fundings(ctx.prisma, { fromYear: years[0]!, toYear: years[years.length - 1]!, categoryIds: null, scope }, ctx.caller),
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
    residents: pop.map((o) => ({ areaId: o.areaId, year: o.year, population: o.value, status: o.status })),
    priceIndex: vpi.map((p) => ({ year: p.year, index: p.index })),
    priceBaseYear,
  };
}
