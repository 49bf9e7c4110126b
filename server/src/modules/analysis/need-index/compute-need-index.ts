import { COMBINED_CLASSES, STATUS_CLASSES, STATUS_LABELS, type StatusClass } from '../../../analysis';
import { type Context } from '../../../context';
import { BadUserInputError } from '../../../errors';
import { reason, requireYear } from '../analysis.common';
import { loadNeedIndex } from '../analysis.data';
import { NeedIndexArgs } from './need-index.args';
import { type NeedDynamicsClass, NeedIndexPresetEnum, NeedIndexResultType, type NeedStatusClass } from './need-index.type';
import { areaIdOf } from '../../areas/area-id';

export async function computeNeedIndexAnswer(ctx: Context, args: NeedIndexArgs): Promise<NeedIndexResultType> {
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

  const { result, measures } = await loadNeedIndex(ctx, { ...args, statusCutoffs: cut ? { ...cut } : null });
  const metaBy = new Map(measures.map((m) => [m.key, m]));
  return {
    method: result.method,
    parameters: {
      ...result.parameters,
      preset: result.parameters.preset,
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
    statusClasses: STATUS_CLASSES.map((key) => ({ key, de: STATUS_LABELS[key].needDe, en: STATUS_LABELS[key].needEn })),
    areas: result.areas.map((a) => {
      const labels = a.statusClass ? STATUS_LABELS[a.statusClass] : null;
      return {
        ...a,
        areaId: areaIdOf(a.areaId),
        reason: reason(a.reason),
        statusClass: a.statusClass,
        statusLabelDe: labels?.de ?? null,
        needLabelDe: labels?.needDe ?? null,
        needLabelEn: labels?.needEn ?? null,
        dynamicsClass: a.dynamicsClass,
        dynamicsReason: reason(a.dynamicsReason),
        components: a.components.map((c) => ({ ...c, valueReason: reason(c.valueReason), baseValueReason: reason(c.baseValueReason) })),
      };
    }),
  };
}
