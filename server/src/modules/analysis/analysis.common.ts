import { type MethodText, type MissingReason } from '../../analysis';
import { BadUserInputError } from '../../errors';
import { checkYear } from '../common/years';
import { type AccessibilityInputs, type DecayRequest } from './analysis.data';
import { DecayKind } from './analysis.type';

export function requireYear(year: number, argument: string) {
  if (year === undefined || year === null) throw new BadUserInputError(`${argument} is required`, argument);
  checkYear(year, argument);
}

export const reason = (r: MissingReason | null | undefined): MissingReason | null => r ?? null;

export function withMethod(method: MethodText, extra: Partial<MethodText> = {}): MethodText {
  return { de: method.de + (extra.de ? ` ${extra.de}` : ''), en: method.en + (extra.en ? ` ${extra.en}` : '') };
}

/** Words for the planner sentences: the shipped norms use residents as the target group. */
export function targetWords(targetKey: string | null | undefined): { targetDe?: string; targetEn?: string } {
  return targetKey === 'population' ? { targetDe: 'Einwohner', targetEn: 'residents' } : {};
}

export function checkDecay(args: { decay: DecayKind; beta?: number | null; minDistance?: number | null; detourFactor: number }) {
  if (!(args.detourFactor >= 1) || !Number.isFinite(args.detourFactor) || args.detourFactor > 5) throw new BadUserInputError('detourFactor must be 1–5', 'detourFactor');
  if (args.beta !== undefined && args.beta !== null && !(args.beta > 0 && args.beta <= 10)) throw new BadUserInputError('beta must be > 0 and ≤ 10', 'beta');
  if (args.minDistance !== undefined && args.minDistance !== null && !(args.minDistance > 0)) throw new BadUserInputError('minDistance must be > 0', 'minDistance');
}

export function decayArg(args: { decay: DecayKind; beta?: number | null; minDistance?: number | null }): DecayRequest {
  return { kind: args.decay, beta: args.beta ?? null, minDistance: args.minDistance ?? null };
}

export function decayOut(inp: AccessibilityInputs) {
  const d = inp.decay;
  return {
    detourFactor: inp.detourFactor,
    decay: d.kind,
    beta: d.kind === 'GRAVITY' ? d.beta : null,
    minDistance: d.kind === 'GRAVITY' ? d.minDistance : null,
  };
}
