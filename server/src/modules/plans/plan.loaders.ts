import type { Prisma, PrismaClient } from '@sozialatlas/db';
import DataLoader from 'dataloader';
import type { Caller } from '../auth/caller';
import { byKey, groupBy } from '../common/group';
import type { Indicator } from '../indicators/indicator.type';
import type { Goal, Measure, Plan, PlanField, PlanReference } from './plan.type';

/** Draft plans, and their goals and measures, are invisible to callers who may not see unpublished records. */
export const visiblePlan = (caller: Caller): Prisma.PlanWhereInput => (caller.canSeeUnpublished ? {} : { published: true });
export const visibleMeasure = (caller: Caller): Prisma.MeasureWhereInput => ({ goal: { plan: visiblePlan(caller) } });

export function createPlanLoaders(prisma: PrismaClient, caller: Caller) {
  const ids = (keys: readonly number[]) => ({ in: [...keys] });
  return {
    planById: new DataLoader<number, Plan | null>(async (keys) =>
      byKey(keys, await prisma.plan.findMany({ where: { id: ids(keys), ...visiblePlan(caller) } }), (p) => p.id),
    ),
    goalById: new DataLoader<number, Goal | null>(async (keys) =>
      byKey(keys, await prisma.goal.findMany({ where: { id: ids(keys), plan: visiblePlan(caller) } }), (g) => g.id),
    ),
    goalsByPlanId: new DataLoader<number, Goal[]>(async (keys) =>
      groupBy(keys, await prisma.goal.findMany({ where: { planId: ids(keys) }, orderBy: { code: 'asc' } }), (g) => g.planId),
    ),
    fieldsByPlanId: new DataLoader<number, PlanField[]>(async (keys) =>
      groupBy(keys, await prisma.planField.findMany({ where: { planId: ids(keys) }, orderBy: { code: 'asc' } }), (f) => f.planId),
    ),
    fieldById: new DataLoader<number, PlanField | null>(async (keys) =>
      byKey(keys, await prisma.planField.findMany({ where: { id: ids(keys), plan: visiblePlan(caller) } }), (f) => f.id),
    ),
    referencesByPlanId: new DataLoader<number, PlanReference[]>(async (keys) =>
      groupBy(keys, await prisma.planReference.findMany({ where: { planId: ids(keys) }, orderBy: { id: 'asc' } }), (r) => r.planId),
    ),
    measuresByGoalId: new DataLoader<number, Measure[]>(async (keys) =>
      groupBy(keys, await prisma.measure.findMany({ where: { goalId: ids(keys) }, orderBy: { code: 'asc' } }), (m) => m.goalId),
    ),
    measuresByAreaId: new DataLoader<number, Measure[]>(async (keys) => {
      const rows = await prisma.measureArea.findMany({
        where: { areaId: ids(keys), measure: visibleMeasure(caller) },
        include: { measure: true },
        orderBy: { measure: { code: 'asc' } },
      });
      return groupBy(keys, rows, (r) => r.areaId).map((list) => list.map((r) => r.measure));
    }),
    areaIdsByMeasureId: new DataLoader<number, number[]>(async (keys) => {
      const rows = await prisma.measureArea.findMany({ where: { measureId: ids(keys) } });
      return groupBy(keys, rows, (r) => r.measureId).map((list) => list.map((r) => r.areaId));
    }),
    indicatorsByMeasureId: new DataLoader<number, Indicator[]>(async (keys) => {
      const rows = await prisma.measureIndicator.findMany({
        where: { measureId: ids(keys) },
        include: { indicator: true },
        orderBy: { indicator: { key: 'asc' } },
      });
      return groupBy(keys, rows, (r) => r.measureId).map((list) => list.map((r) => r.indicator as Indicator));
    }),
  };
}
