import { defaultEarlyWarningRules, EARLY_WARNING_DEFAULTS, type EarlyWarningRule, evaluateEarlyWarning } from '../../../analysis';
import { type Context } from '../../../context';
import { BadUserInputError } from '../../../errors';
import { reason, requireYear } from '../analysis.common';
import { DEFAULT_NEED_KEYS, loadNeedIndex, loadObservations, resolveMeasures } from '../analysis.data';
import { areasOfLevel } from '../analysis.sql';
import { type AnalysisMissingReason } from '../analysis.type';
import { EarlyWarningArgs, type EarlyWarningRuleInput } from './early-warning.args';
import { EarlyWarningResultType, EarlyWarningRuleKind, type EarlyWarningRuleType, MarginUnit } from './early-warning.type';
import { areaIdOf } from '../../areas/area-id';

function ruleOut(rule: EarlyWarningRule): EarlyWarningRuleType {
  const base = { indicatorKey: rule.indicatorKey, threshold: null, margin: null, marginUnit: null, years: null, span: null };
  switch (rule.kind) {
    case 'threshold':
      return { ...base, kind: rule.kind, threshold: rule.threshold };
    case 'worseThanCity':
      return { ...base, kind: rule.kind, margin: rule.margin, marginUnit: rule.marginUnit };
    case 'worseningStreak':
      return { ...base, kind: rule.kind, years: rule.years };
    default:
      return { ...base, kind: rule.kind, span: rule.span, margin: rule.margin, marginUnit: rule.marginUnit ?? 'UNITS' };
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
      const d = EARLY_WARNING_DEFAULTS.fasterThanCity;
      // a margin without unit keeps its old meaning (units); no margin at all gets the default spread rule
      const unit = rule.marginUnit ?? (rule.margin === undefined || rule.margin === null ? d.marginUnit : MarginUnit.UNITS);
      if (unit === MarginUnit.PERCENT_OF_CITY) throw new BadUserInputError('FASTER_THAN_CITY takes UNITS or SD_OF_AREAS', field('marginUnit'));
      return { kind: 'fasterThanCity', indicatorKey: rule.indicatorKey, span: rule.span ?? d.span, margin: rule.margin ?? d.margin, marginUnit: unit };
    }
  }
}

const lookback = (rule: EarlyWarningRule) =>
  rule.kind === 'worseningStreak' ? rule.years : rule.kind === 'fasterThanCity' ? rule.span : 1;

const unitText = (unit: string) => (unit === 'PERCENT' ? '%' : unit === 'PER_THOUSAND' ? '‰' : unit === 'EUR_PER_MONTH' ? 'EUR/Monat' : '');
const unitTextEn = (unit: string) => (unit === 'EUR_PER_MONTH' ? 'EUR/month' : unitText(unit));

export async function evaluateEarlyWarningsAnswer(ctx: Context, args: EarlyWarningArgs): Promise<EarlyWarningResultType> {
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
    areasOfLevel(ctx.prisma, args.level, args.scope),
    loadObservations(ctx.prisma, ctx.caller, indicatorIds, measureKeys, [args.level, 'CITY'], args.year - back, args.year),
    // the dynamics classes the alerts are read against (default need index, MSS 2021); none where it cannot be computed
    loadNeedIndex(ctx, { level: args.level, year: args.year }).catch(() => null),
  ]);
  const dynamics = (need?.result.areas ?? [])
    .filter((a) => a.dynamicsClass !== null)
    .map((a) => ({ areaId: a.areaId, dynamicsClass: a.dynamicsClass!, dynamicsZ: a.dynamicsZ, baseYear: need!.result.parameters.baseYear, year: args.year }));
  const result = evaluateEarlyWarning({
    dynamics,
    year: args.year,
    indicators: measures.map((m) => ({ key: m.key, polarity: m.polarity, label: m.name, labelEn: m.nameEn ?? m.name, unit: unitText(m.unit), unitEn: unitTextEn(m.unit) })),
    areaSeries: obs.filter((o) => o.level === args.level && measureKeys.includes(o.indicatorKey)),
    citySeries: obs.filter((o) => o.level === 'CITY' && measureKeys.includes(o.indicatorKey)),
    rules,
    areas: areas.map((a) => a.id),
  });
  return {
    method: result.method,
    parameters: { level: args.level, year: args.year, rules: result.parameters.rules.map(ruleOut) },
    alerts: result.alerts.map(({ dynamicsNote, ...a }) => ({
      ...a,
      areaId: areaIdOf(a.areaId),
      rule: ruleOut(a.rule),
      dynamicsNoteDe: dynamicsNote?.de ?? null,
      dynamicsNoteEn: dynamicsNote?.en ?? null,
    })),
    precision: result.precision,
    notEvaluated: result.notEvaluated.map((n) => ({ ...n, areaId: areaIdOf(n.areaId), rule: ruleOut(n.rule), reason: n.reason })),
  };
}
