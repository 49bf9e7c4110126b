import { computeGaps, GAP_CLASSES, GAP_LABELS, GAP_NAMES, type GapPlannerInput, type GapRow, GAPS_METHOD, zoneWeight } from '../../../analysis';
import { type Context } from '../../../context';
import { checkYear } from '../../common/years';
import { checkDecay, decayArg, reason, requireYear, targetWords, withMethod } from '../analysis.common';
import { loadAccessibility, loadCoverage, loadNeedIndex } from '../analysis.data';
import { type AnalysisMissingReason, type GapClassEnum } from '../analysis.type';
import { coverageRowOut } from '../coverage/compute-coverage';
import { GapArgs } from './gaps.args';
import { GapResultType, GapRowType } from './gaps.type';
import { areaIdOf } from '../../areas/area-id';

const NEED_FOR_GAPS = {
  de: 'Bedarf N = standardisierter Statusindex S* des Bedarfsindex (Standardindikatoren).',
  en: 'Need N = standardised status index S* of the need index (default indicators).',
};

function gapRowOut(r: GapRow): GapRowType {
  const labels = r.gapClass ? GAP_LABELS[r.gapClass] : null;
  return {
    areaId: areaIdOf(r.areaId),
    need: r.need,
    supply: r.supply,
    needZ: r.needZ,
    supplyZ: r.supplyZ,
    score: r.score,
    gapClass: r.gapClass,
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

export async function computeGapsAnswer(ctx: Context, args: GapArgs): Promise<GapResultType> {
  requireYear(args.year, 'year');
  const needYear = args.needYear ?? args.year;
  checkYear(needYear, 'needYear');
  checkDecay(args);
  const [need, supply] = await Promise.all([
    loadNeedIndex(ctx, { level: args.level, year: needYear, scope: args.scope }),
    args.supply === 'COVERAGE' ? coverageSupply(ctx, args) : accessibilitySupply(ctx, args),
  ]);
  const needBy = new Map(need.result.areas.map((a) => [areaIdOf(a.areaId), a]));
  const result = computeGaps({
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
  });
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
    // the pure list runs worst first; legends read from no gap up
    classes: [...GAP_CLASSES].reverse().map((key) => ({ key, ...GAP_NAMES[key] })),
  };
}

async function coverageSupply(ctx: Context, args: GapArgs) {
  const data = await loadCoverage(ctx, { level: args.level, year: args.year, categoryKeys: [args.category], scope: args.scope });
  const c = data.categories[0]!;
  const rows = data.result.rows.map((r) => coverageRowOut(r, c));
  const facilities = rows.every((r) => r.services === 0 || !r.capacityKnown);
  const values = new Map<number, { value: number | null; reason: AnalysisMissingReason | null }>(
    rows.map((r) => [r.areaId, { value: facilities ? r.servicesPer1000 : r.ratioPer1000, reason: r.reason }]),
  );
  const planner = new Map<number, GapPlannerInput>(
    facilities
      ? []
      : data.result.rows.map((r) => [areaIdOf(r.areaId), { norm: r.norm, targetPopulation: r.targetPopulation, supplyPer1000: r.ratioPer1000, ...targetWords(c.targetIndicatorKey) }]),
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

async function accessibilitySupply(ctx: Context, args: GapArgs) {
  const { inputs: inp, computed: acc } = await loadAccessibility(ctx, {
    scope: args.scope,
    category: args.category, year: args.year, level: args.level, demand: 'GRID', gridSizeM: 250, decay: decayArg(args), detourFactor: args.detourFactor,
  });
  const targetBy = new Map(inp.targets.map((t) => [areaIdOf(t.areaId), t.population]));
  const catchment = zoneWeight(inp.zones).catchment;
  // norms are in capacity units: without recorded capacities (facility count) places cannot be stated
  const planner = new Map<number, GapPlannerInput>(
    inp.capacityMode === 'FACILITY_COUNT'
      ? []
      : acc.areas.map((a) => [areaIdOf(a.areaId), {
          norm: inp.category.perThousand ?? null,
          targetPopulation: targetBy.get(areaIdOf(a.areaId)) ?? null,
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
    values: new Map(acc.areas.map((a) => [areaIdOf(a.areaId), { value: a.accessibilityPer1000, reason: reason(a.reason) }])),
    planner,
    text: {
      de: `Versorgung V = Erreichbarkeit nach E2SFCA je 1.000 der Zielgruppe (250-m-Raster${inp.capacityMode === 'FACILITY_COUNT' ? ', Einrichtungen statt Kapazität' : ''}).`,
      en: `Supply V = E2SFCA accessibility per 1,000 of the target group (250 m grid${inp.capacityMode === 'FACILITY_COUNT' ? ', facilities instead of capacity' : ''}).`,
    },
  };
}
