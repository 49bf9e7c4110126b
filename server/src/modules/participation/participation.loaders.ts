import type { PrismaClient } from '@sozialatlas/db';
import DataLoader from 'dataloader';
import { groupBy } from '../common/group';
import type { ParticipationEvent } from './participation.type';

export function createParticipationLoaders(prisma: PrismaClient) {
  const ids = (keys: readonly number[]) => ({ in: [...keys] });
  return {
    eventsByPlanId: new DataLoader<number, ParticipationEvent[]>(async (keys) =>
      groupBy(
        keys,
        await prisma.participationEvent.findMany({ where: { planId: ids(keys) }, orderBy: [{ date: 'asc' }, { id: 'asc' }] }),
        (e) => e.planId as number,
      ),
    ),
    eventsByAreaId: new DataLoader<number, ParticipationEvent[]>(async (keys) => {
      const rows = await prisma.participationEventArea.findMany({
        where: { areaId: ids(keys) },
        include: { event: true },
        orderBy: [{ event: { date: 'asc' } }, { eventId: 'asc' }],
      });
      return groupBy(keys, rows, (r) => r.areaId).map((list) => list.map((r) => r.event));
    }),
    areaIdsByEventId: new DataLoader<number, number[]>(async (keys) => {
      const rows = await prisma.participationEventArea.findMany({ where: { eventId: ids(keys) } });
      return groupBy(keys, rows, (r) => r.eventId).map((list) => list.map((r) => r.areaId));
    }),
  };
}
