import { computeMoney } from '../../../analysis';
import { type Context } from '../../../context';
import { BadUserInputError } from '../../../errors';
import { checkYear } from '../../common/years';
import { reason, requireYear, withMethod } from '../analysis.common';
import { loadNeedIndex, loadObservations, resolveMeasures } from '../analysis.data';
import { areasOfLevel, categoriesWithNorms, fundings, priceIndex, servicePoints } from '../analysis.sql';
import { MoneyFlowArgs } from './money.args';
import { MoneyResultType } from './money.type';
import { areaIdOf } from '../../areas/area-id';

export async function computeMoneyFlowsAnswer(ctx: Context, args: MoneyFlowArgs): Promise<MoneyResultType> {
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
  const [areas, locs, funds, obs, vpi, need] = await Promise.all([
    areasOfLevel(ctx.prisma, args.level, args.scope),
    servicePoints(ctx.prisma, { categoryIds, level: args.level, activeOnly: false, scope: args.scope }, ctx.caller),
    fundings(ctx.prisma, { fromYear: args.fromYear, toYear: args.toYear, categoryIds, scope: args.scope }, ctx.caller),
    loadObservations(ctx.prisma, ctx.caller, indicatorIds, [], [args.level], args.fromYear, args.toYear),
    priceIndex(ctx.prisma),
    loadNeedIndex(ctx, { level: args.level, year: needYear, scope: args.scope }),
  ]);
  const priceBaseYear = args.baseYear ?? args.toYear;
  if (!vpi.some((p) => p.year === priceBaseYear)) throw new BadUserInputError(`no consumer price index for ${priceBaseYear}`, 'baseYear');
  const years = Array.from({ length: args.toYear - args.fromYear + 1 }, (_, i) => args.fromYear + i);
  const result = computeMoney({
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
  });
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
    byAreaYear: result.byAreaYear.map((r) => ({ ...r, areaId: areaIdOf(r.areaId), reason: reason(r.reason) })),
    changes: result.changes.map((c) => ({ ...c, areaId: areaIdOf(c.areaId), reason: reason(c.reason) })),
    unallocated: result.unallocated.map((u) => ({ ...u, serviceIds: u.serviceIds.map(Number) })),
    needCorrelation: result.needCorrelation,
  };
}
