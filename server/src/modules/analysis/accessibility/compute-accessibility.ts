import { E2SFCA_METHOD, zoneWeight } from '../../../analysis';
import { type Context } from '../../../context';
import { BadUserInputError } from '../../../errors';
import { checkDecay, decayArg, decayOut, reason, requireYear, withMethod } from '../analysis.common';
import { computeAccessibility, loadAccessibility, loadAccessibilityInputs, suppliesOf, type AccessibilityComputed, type AccessibilityInputs } from '../analysis.data';
import { type CapacityMode, type DemandMode } from '../analysis.type';
import { AccessibilityArgs } from './accessibility.args';
import { AccessibilityResultType } from './accessibility.type';
import { areaIdOf } from '../../areas/area-id';

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

/** Most travel costs per request (63 Ortsteile × 300 services fit). */
export const MAX_TRAVEL_COSTS = 20_000;

/** Checks the caller's travel costs against the demand points and the counted services; returns them keyed for computeAccessibility. */
async function travelCosts(ctx: Context, costs: NonNullable<AccessibilityArgs['costs']>, inp: AccessibilityInputs): Promise<Map<string, number>> {
  const demandAreas = new Set(inp.demands.map((d) => Number(d.areaId)));
  // codes are unique per city only: look them up among the areas of this city's level (its demand
  // areas) first, then anywhere, to tell "no demand point" from "unknown"
  const codes = [...new Set(costs.map((c) => c.areaCode))];
  const areas = [
    ...(await ctx.prisma.area.findMany({ where: { code: { in: codes }, id: { in: [...demandAreas] } }, select: { id: true, code: true } })),
    ...(await ctx.prisma.area.findMany({ where: { code: { in: codes }, id: { notIn: [...demandAreas] } }, select: { id: true, code: true } })),
  ];
  const areaId = new Map<string, number>();
  for (const a of areas) if (!areaId.has(a.code)) areaId.set(a.code, a.id);
  const services = new Set(suppliesOf(inp.services, inp.capacityMode).supplies.map((s) => s.serviceId));
  const byPair = new Map<string, number>();
  costs.forEach((c, i) => {
    if (!Number.isFinite(c.metres) || c.metres < 0) throw new BadUserInputError(`costs[${i}].metres must be a number ≥ 0 (got ${c.metres})`, `costs[${i}].metres`);
    const id = areaId.get(c.areaCode);
    if (id === undefined) throw new BadUserInputError(`costs[${i}].areaCode: unknown area "${c.areaCode}"`, `costs[${i}].areaCode`);
    if (!demandAreas.has(id)) throw new BadUserInputError(`costs[${i}].areaCode: "${c.areaCode}" is no demand point (level ${inp.demandLevel})`, `costs[${i}].areaCode`);
    if (!services.has(c.serviceId)) throw new BadUserInputError(`costs[${i}].serviceId: ${c.serviceId} is no counted service of category ${inp.category.key}`, `costs[${i}].serviceId`);
    const key = `${id}|${c.serviceId}`;
    if (byPair.has(key)) throw new BadUserInputError(`costs[${i}]: area ${c.areaCode} and service ${c.serviceId} are given twice`, `costs[${i}]`);
    byPair.set(key, c.metres);
  });
  return byPair;
}

/** With the caller's travel costs, computed for this request; over straight lines, shared with gaps (per data version). */
async function accessibilityFor(ctx: Context, args: AccessibilityArgs): Promise<{ inp: AccessibilityInputs; acc: AccessibilityComputed }> {
  const req = { ...args, decay: decayArg(args) };
  if (!args.costs) {
    const { inputs, computed } = await loadAccessibility(ctx, req);
    return { inp: inputs, acc: computed };
  }
  const loaded = await loadAccessibilityInputs(ctx, req);
  const inp = { ...loaded, travelCosts: await travelCosts(ctx, args.costs, loaded) };
  return { inp, acc: computeAccessibility(inp) };
}

export async function computeAccessibilityAnswer(ctx: Context, args: AccessibilityArgs): Promise<AccessibilityResultType> {
  requireYear(args.year, 'year');
  checkGrid(args.gridSizeM);
  checkDecay(args);
  if (args.costs) {
    if (args.demand !== 'LABEL_POINTS') throw new BadUserInputError('costs need demand: LABEL_POINTS (one demand point per area, named by its code)', 'costs');
    if (args.costs.length > MAX_TRAVEL_COSTS) throw new BadUserInputError(`costs: at most ${MAX_TRAVEL_COSTS} travel costs per request`, 'costs');
  }
  const { inp, acc } = await accessibilityFor(ctx, args);
  const byArea = new Map(acc.areas.map((a) => [areaIdOf(a.areaId), a]));
  const serviceOf = new Map(acc.supplies.map((s) => [String(s.id), s]));
  return {
    method: withMethod(E2SFCA_METHOD, ACCESS_EXTRA(inp.capacityMode)),
    parameters: {
      category: args.category,
      year: args.year,
      level: args.level,
      demandLevel: inp.demandLevel,
      demand: args.demand,
      gridSizeM: args.demand === 'GRID' ? args.gridSizeM : null,
      zones: inp.decay.kind === 'STEP' ? inp.zones : [],
      catchment: zoneWeight(inp.zones).catchment,
      capacityMode: inp.capacityMode,
      targetIndicatorKey: inp.category.targetIndicatorKey!,
      targetDescription: inp.category.targetDescription!,
      distance: inp.travelCosts
        ? `network metres given by the caller (costs: ${inp.travelCosts.size} pairs); a pair not given is out of reach`
        : `straight-line great-circle metres (haversine, R = 6,371 km) × detour factor ${inp.detourFactor}; pairs from a k-d tree (kdbush)`,
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
          areaId: inp.levelOf.get(areaIdOf(d.areaId)) ?? areaIdOf(d.areaId),
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
