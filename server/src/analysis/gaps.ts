/**
 * Versorgungslücken (gaps): where need is high and supply (accessibility or coverage) is low.
 * Our own small, documented scheme (no external source), computed per service category across the
 * areas that have both values:
 *
 *   g_a = z(N_a) − z(V_a)       N = need (e.g. the standardised status index S* of need-index.ts),
 *                               V = supply (e.g. E2SFCA A_a per 1,000, or coverage in %);
 *                               z over those areas, population SD; g in SD units, higher = bigger gap
 *   quartiles Q1, Q2 (median), Q3 of N and of V: type 7 (QUARTILE.INC)
 *   CRITICAL  N ≥ Q3(N) and V ≤ Q1(V)       highest need quarter, lowest supply quarter
 *   HIGH      N ≥ Q2(N) and V ≤ Q2(V)       (not CRITICAL)
 *   MODERATE  otherwise, g > 0
 *   NONE      otherwise (g ≤ 0)
 * Areas with a missing need or supply value get class null with the reason.
 */
import { AnalysisInputError, assertNullableFinite, assertUnique } from './errors';
import { quantile, zScores } from './statistics';
import type { Id, MethodText, MissingReason } from './types';

export type GapClass = 'CRITICAL' | 'HIGH' | 'MODERATE' | 'NONE';

export const GAP_LABELS: Record<GapClass, { de: string; en: string }> = {
  CRITICAL: { de: 'kritisch: sehr hoher Bedarf, sehr geringe Versorgung', en: 'critical: top-quartile need, bottom-quartile supply' },
  HIGH: { de: 'hoch: überdurchschnittlicher Bedarf, unterdurchschnittliche Versorgung', en: 'high: need above, supply below the median' },
  MODERATE: { de: 'mäßig: Bedarf relativ höher als Versorgung', en: 'moderate: need relatively higher than supply' },
  NONE: { de: 'keine Lücke', en: 'no gap' },
};

export interface GapAreaInput {
  areaId: Id;
  /** N_a; higher = more need; null = unknown */
  need: number | null;
  needReason?: MissingReason | null;
  /** V_a; higher = better supplied; null = unknown */
  supply: number | null;
  supplyReason?: MissingReason | null;
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
  };
  /** The distribution used (own or given); null when no area has both figures. */
  reference: GapReference | null;
  rows: GapRow[];
}

export const GAPS_METHOD: MethodText = {
  de: 'Lückenwert = z(Bedarf) − z(Versorgung) über die Gebiete; kritisch, wenn Bedarf im obersten und Versorgung im untersten Quartil liegt.',
  en: 'Gap score = z(need) − z(supply) across areas; critical when need is in the top and supply in the bottom quartile.',
};

export function classifyGap(need: number, supply: number, score: number, nq: readonly number[], sq: readonly number[]): GapClass {
  if (need >= nq[2]! && supply <= sq[0]!) return 'CRITICAL';
  if (need >= nq[1]! && supply <= sq[1]!) return 'HIGH';
  return score > 0 ? 'MODERATE' : 'NONE';
}

export function computeGaps(input: GapInput): GapResult {
  if (!input.category) throw new AnalysisInputError('category is required', 'category');
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
      gapClass: classifyGap(N[i]!, V[i]!, score, nq!, sq!),
      reason: null,
    };
  });
  return {
    method: GAPS_METHOD,
    parameters: { category: input.category, needMeasure: input.needMeasure, supplyMeasure: input.supplyMeasure, n: complete.length, needQuartiles: nq, supplyQuartiles: sq },
    reference,
    rows,
  };
}
