import { E2SFCA_METHOD, zoneWeight } from '../../../analysis';
import { type Context } from '../../../context';
import { BadUserInputError } from '../../../errors';
import { checkDecay, decayArg, decayOut, reason, requireYear, withMethod } from '../analysis.common';
import { computeAccessibility, loadAccessibilityInputs } from '../analysis.data';
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

export async function computeAccessibilityAnswer(ctx: Context, args: AccessibilityArgs): Promise<AccessibilityResultType> {
  requireYear(args.year, 'year');
  checkGrid(args.gridSizeM);
  checkDecay(args);
  const inp = await loadAccessibilityInputs(ctx, { ...args, decay: decayArg(args) });
  const acc = computeAccessibility(inp);
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
