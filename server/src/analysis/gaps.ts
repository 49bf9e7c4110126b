/**
 * Versorgungslücken (gaps): where need is high and supply (accessibility or coverage) is low.
 * Our own small, documented scheme (no external source), computed per service category across the
 * areas that have both values:
 *
 *   g_a = z(N_a) − z(V_a)       N = need (e.g. the standardised status index S* of need-index.ts),
 *                               V = supply (e.g. E2SFCA A_a per 1,000, or coverage in %);
 *                               z over those areas, population SD; g in SD units, higher = bigger gap
 *   Classes are cut on g alone, so they are monotone in the score shown beside them (a higher g
 *   never gets a milder class); both dimensions are already folded into g:
 *   CRITICAL  g > 2   (e.g. need 1 SD above and supply 1 SD below the mean)
 *   HIGH      1 < g ≤ 2
 *   MODERATE  0 < g ≤ 1
 *   NONE      g ≤ 0
 *   Quartiles of N and V (type 7) are still reported as context; they no longer decide the class.
 * Planner terms (when the caller gives norm and target population): places missing against the
 * norm, per 1,000 and in total, and persons of the target group without any service in reach.
 * Areas with a missing need or supply value get class null with the reason.
 */
import { AnalysisInputError, assertFinite, assertNullableFinite, assertUnique } from './errors';
import { numberFormat } from './number-format';
import { quantile, zScores } from './statistics';
import type { Id, MethodText, MissingReason } from './types';

/** Gap classes from worst to none; the GraphQL enum is registered from this list. */
export const GAP_CLASSES = ['CRITICAL', 'HIGH', 'MODERATE', 'NONE'] as const;
/** The supply measure V of a gap: E2SFCA accessibility or the coverage ratio of the area. */
export const GAP_SUPPLY_MEASURES = ['ACCESSIBILITY', 'COVERAGE'] as const;
export type GapSupplyMeasure = (typeof GAP_SUPPLY_MEASURES)[number];
export type GapClass = (typeof GAP_CLASSES)[number];

/** Short name of each class, for legends, tables and sentences ("Lückenklasse kritisch → hoch"). */
export const GAP_NAMES: Record<GapClass, { de: string; en: string }> = {
  CRITICAL: { de: 'kritisch', en: 'critical' },
  HIGH: { de: 'hoch', en: 'high' },
  MODERATE: { de: 'mäßig', en: 'moderate' },
  NONE: { de: 'keine Lücke', en: 'no gap' },
};

const GAP_DEFINITIONS: Record<GapClass, { de: string; en: string } | null> = {
  CRITICAL: { de: 'Lückenwert über 2 (Bedarf weit über, Versorgung weit unter dem Durchschnitt)', en: 'gap score above 2 (need far above, supply far below average)' },
  HIGH: { de: 'Lückenwert über 1 bis 2', en: 'gap score above 1 up to 2' },
  MODERATE: { de: 'Lückenwert über 0 bis 1 (Bedarf relativ höher als Versorgung)', en: 'gap score above 0 up to 1 (need relatively higher than supply)' },
  NONE: null,
};

/** Name and definition: "kritisch: Lückenwert über 2 (…)". */
function gapLabel(c: GapClass): { de: string; en: string } {
  const name = GAP_NAMES[c];
  const def = GAP_DEFINITIONS[c];
  return def ? { de: `${name.de}: ${def.de}`, en: `${name.en}: ${def.en}` } : name;
}

export const GAP_LABELS: Record<GapClass, { de: string; en: string }> = {
  CRITICAL: gapLabel('CRITICAL'),
  HIGH: gapLabel('HIGH'),
  MODERATE: gapLabel('MODERATE'),
  NONE: gapLabel('NONE'),
};

/** Lower bounds of the classes on the gap score g (exclusive); must satisfy 0 ≤ moderate ≤ high ≤ critical. */
export interface GapCutoffs {
  moderate: number;
  high: number;
  critical: number;
}

export const GAP_CUTOFFS: GapCutoffs = { moderate: 0, high: 1, critical: 2 };

/** What a planner needs to state the gap in places and persons (all optional). */
export interface GapPlannerInput {
  /** P: persons of the target group in the area */
  targetPopulation: number | null;
  /** planning norm, capacity units per 1,000 of the target group */
  norm: number | null;
  /** supply in the same terms as the norm (capacity units per 1,000), e.g. E2SFCA per 1,000 or places in the area per 1,000 */
  supplyPer1000: number | null;
  /** persons of the target group with no service within the catchment (E2SFCA demand points without supply) */
  withoutServiceInReach?: number | null;
  /** catchment in metres, for the text */
  catchmentMetres?: number | null;
  /** the catchment is network metres estimated as straight line × this factor (text only); absent or 1 = straight line */
  detourFactor?: number | null;
  /** e.g. "Plätze"; default "Plätze" / "places" */
  unitDe?: string;
  unitEn?: string;
  /** word for the supply figure, e.g. "erreichbar" for E2SFCA; default "vorhanden" / "available" */
  supplyDe?: string;
  supplyEn?: string;
  /** e.g. "Einwohner" or "Kinder unter 6 Jahren"; default "Personen der Zielgruppe" */
  targetDe?: string;
  targetEn?: string;
}

export interface GapAreaInput {
  areaId: Id;
  /** N_a; higher = more need; null = unknown */
  need: number | null;
  needReason?: MissingReason | null;
  /** V_a; higher = better supplied; null = unknown */
  supply: number | null;
  supplyReason?: MissingReason | null;
  planner?: GapPlannerInput;
}

/** The distribution the scores and classes are measured against. */
export interface GapReference {
  needMean: number;
  needSd: number;
  supplyMean: number;
  supplySd: number;
  needQuartiles: [number, number, number];
  supplyQuartiles: [number, number, number];
}

export interface GapInput {
  category: string;
  areas: readonly GapAreaInput[];
  /**
   * Measure against a fixed reference instead of the areas' own distribution. Scenarios pass the
   * reference of the situation before, so an area changes class only when its own figures change.
   */
  reference?: GapReference;
  /** names of the measures, echoed in the parameters, e.g. "statusZ", "e2sfcaPer1000" */
  needMeasure: string;
  supplyMeasure: string;
  /** class cut-offs on g; default GAP_CUTOFFS (0 / 1 / 2) */
  cutoffs?: GapCutoffs;
}

/** The gap in planner terms. */
export interface GapPlanner {
  norm: number | null;
  supplyPer1000: number | null;
  targetPopulation: number | null;
  /** max(0, norm − supplyPer1000), capacity units per 1,000 of the target group */
  missingPer1000: number | null;
  /** missingPer1000 · P / 1,000, capacity units */
  missing: number | null;
  withoutServiceInReach: number | null;
  /** e.g. "Es fehlen rund 1,2 Plätze je 1.000 Einwohner (Richtwert 3, erreichbar 1,8), zusammen rund 18 Plätze." */
  statement: MethodText | null;
}

export interface GapRow {
  areaId: Id;
  category: string;
  need: number | null;
  supply: number | null;
  needZ: number | null;
  supplyZ: number | null;
  /** g = z(N) − z(V) */
  score: number | null;
  gapClass: GapClass | null;
  reason: MissingReason | null;
  /** null when the caller gave no planner input */
  planner: GapPlanner | null;
}

export interface GapResult {
  method: MethodText;
  parameters: {
    category: string;
    needMeasure: string;
    supplyMeasure: string;
    n: number;
    needQuartiles: [number, number, number] | null;
    supplyQuartiles: [number, number, number] | null;
    cutoffs: GapCutoffs;
  };
  /** The distribution used (own or given); null when no area has both figures. */
  reference: GapReference | null;
  rows: GapRow[];
}

export const GAPS_METHOD: MethodText = {
  de: 'Lückenwert g = z(Bedarf) − z(Versorgung) über die Gebiete; Klassen allein nach g: kritisch g > 2, hoch g > 1, mäßig g > 0, sonst keine Lücke; dazu fehlende Plätze gegenüber dem Richtwert.',
  en: 'Gap score g = z(need) − z(supply) across areas; classes by g alone: critical g > 2, high g > 1, moderate g > 0, else none; with the places missing against the norm.',
};

/** The class of a gap score: monotone in g by construction. */
export function classifyGap(score: number, cut: GapCutoffs = GAP_CUTOFFS): GapClass {
  if (score > cut.critical) return 'CRITICAL';
  if (score > cut.high) return 'HIGH';
  if (score > cut.moderate) return 'MODERATE';
  return 'NONE';
}

/** Rounded for a sentence ("rund …"): tens from 100, whole numbers from 10, else one decimal. */
export function roundForText(x: number): number {
  const a = Math.abs(x);
  if (a >= 100) return Math.round(x / 10) * 10;
  if (a >= 10) return Math.round(x);
  return Math.round(x * 10) / 10;
}

/** Whole places or persons for a sentence: tens from 100, else whole numbers, at least 1 when > 0. */
export function roundCount(x: number): number {
  if (x >= 100) return Math.round(x / 10) * 10;
  return x > 0 ? Math.max(1, Math.round(x)) : 0;
}

const de = numberFormat('de-DE', { maximumFractionDigits: 1 });
const en = numberFormat('en-GB', { maximumFractionDigits: 1 });

/** The gap in places and persons, with one German and one English sentence. */
export function plannerTerms(p: GapPlannerInput): GapPlanner {
  const { norm, supplyPer1000, targetPopulation } = p;
  const missingPer1000 = norm !== null && supplyPer1000 !== null ? Math.max(0, norm - supplyPer1000) : null;
  const missing = missingPer1000 !== null && targetPopulation !== null ? (missingPer1000 * targetPopulation) / 1000 : null;
  const without = p.withoutServiceInReach ?? null;
  const uDe = p.unitDe ?? 'Plätze';
  const uEn = p.unitEn ?? 'places';
  const tDe = p.targetDe ?? 'Personen der Zielgruppe';
  const tEn = p.targetEn ?? 'persons of the target group';
  const sDe = p.supplyDe ?? 'vorhanden';
  const sEn = p.supplyEn ?? 'available';
  const partsDe: string[] = [];
  const partsEn: string[] = [];
  if (missingPer1000 !== null && norm !== null && supplyPer1000 !== null) {
    if (missingPer1000 > 0) {
      const total = missing === null ? '' : `, zusammen rund ${de(roundCount(missing))} ${uDe}`;
      const totalEn = missing === null ? '' : `, about ${en(roundCount(missing))} ${uEn} in all`;
      partsDe.push(`Es fehlen rund ${de(roundForText(missingPer1000))} ${uDe} je 1.000 ${tDe} (Richtwert ${de(norm)}, ${sDe} ${de(roundForText(supplyPer1000))})${total}.`);
      partsEn.push(`About ${en(roundForText(missingPer1000))} ${uEn} per 1,000 ${tEn} are missing (norm ${en(norm)}, ${sEn} ${en(roundForText(supplyPer1000))})${totalEn}.`);
    } else {
      partsDe.push(`Der Richtwert von ${de(norm)} ${uDe} je 1.000 ${tDe} ist erreicht (${sDe} ${de(roundForText(supplyPer1000))}).`);
      partsEn.push(`The norm of ${en(norm)} ${uEn} per 1,000 ${tEn} is met (${sEn} ${en(roundForText(supplyPer1000))}).`);
    }
  }
  if (without !== null && without > 0) {
    const f = p.detourFactor && p.detourFactor !== 1 ? p.detourFactor : null;
    const reach = !p.catchmentMetres
      ? ' in Reichweite'
      : f
        ? ` im Umkreis von ${de(p.catchmentMetres)} m Weg (geschätzt als Luftlinie × ${de(f)})`
        : ` im Umkreis von ${de(p.catchmentMetres)} m Luftlinie`;
    const reachEn = !p.catchmentMetres
      ? ' within reach'
      : f
        ? ` within ${en(p.catchmentMetres)} m by road (estimated as straight line × ${en(f)})`
        : ` within ${en(p.catchmentMetres)} m straight line`;
    partsDe.push(`Rund ${de(roundCount(without))} ${tDe} haben kein Angebot${reach}.`);
    partsEn.push(`About ${en(roundCount(without))} ${tEn} have no service${reachEn}.`);
  }
  return {
    norm,
    supplyPer1000,
    targetPopulation,
    missingPer1000,
    missing,
    withoutServiceInReach: without,
    statement: partsDe.length ? { de: partsDe.join(' '), en: partsEn.join(' ') } : null,
  };
}

export function computeGaps(input: GapInput): GapResult {
  if (!input.category) throw new AnalysisInputError('category is required', 'category');
  const cutoffs = input.cutoffs ?? GAP_CUTOFFS;
  assertFinite(cutoffs.moderate, 'cutoffs.moderate');
  assertFinite(cutoffs.high, 'cutoffs.high');
  assertFinite(cutoffs.critical, 'cutoffs.critical');
  if (!(cutoffs.moderate <= cutoffs.high && cutoffs.high <= cutoffs.critical)) {
    throw new AnalysisInputError('cut-offs must satisfy moderate ≤ high ≤ critical', 'cutoffs');
  }
  assertUnique(input.areas, (a) => String(a.areaId), 'areaId');
  input.areas.forEach((a, i) => {
    assertNullableFinite(a.need, `areas[${i}].need`);
    assertNullableFinite(a.supply, `areas[${i}].supply`);
  });
  const complete = input.areas.filter((a) => a.need !== null && a.supply !== null);
  const N = complete.map((a) => a.need as number);
  const V = complete.map((a) => a.supply as number);
  const quart = (x: number[]) => [quantile(x, 0.25), quantile(x, 0.5), quantile(x, 0.75)] as [number, number, number];
  const reference: GapReference | null =
    input.reference ??
    (complete.length
      ? (() => {
          const n = zScores(N);
          const v = zScores(V);
          return { needMean: n.mean, needSd: n.sd, supplyMean: v.mean, supplySd: v.sd, needQuartiles: quart(N), supplyQuartiles: quart(V) };
        })()
      : null);
  const z = (x: number, mean: number, sd: number) => (sd === 0 ? 0 : (x - mean) / sd);
  const nz = reference ? N.map((x) => z(x, reference.needMean, reference.needSd)) : [];
  const vz = reference ? V.map((x) => z(x, reference.supplyMean, reference.supplySd)) : [];
  const nq = reference?.needQuartiles ?? null;
  const sq = reference?.supplyQuartiles ?? null;
  const index = new Map(complete.map((a, i) => [a, i]));
  const rows = input.areas.map((a): GapRow => {
    const i = index.get(a);
    if (i === undefined) {
      return {
        areaId: a.areaId,
        category: input.category,
        need: a.need,
        supply: a.supply,
        needZ: null,
        supplyZ: null,
        score: null,
        gapClass: null,
        reason: a.need === null ? (a.needReason ?? 'MISSING') : (a.supplyReason ?? 'MISSING'),
        planner: a.planner ? plannerTerms(a.planner) : null,
      };
    }
    const score = nz[i]! - vz[i]!;
    return {
      areaId: a.areaId,
      category: input.category,
      need: a.need,
      supply: a.supply,
      needZ: nz[i]!,
      supplyZ: vz[i]!,
      score,
      gapClass: classifyGap(score, cutoffs),
      reason: null,
      planner: a.planner ? plannerTerms(a.planner) : null,
    };
  });
  return {
    method: GAPS_METHOD,
    parameters: { category: input.category, needMeasure: input.needMeasure, supplyMeasure: input.supplyMeasure, n: complete.length, needQuartiles: nq, supplyQuartiles: sq, cutoffs: { ...cutoffs } },
    reference,
    rows,
  };
}
