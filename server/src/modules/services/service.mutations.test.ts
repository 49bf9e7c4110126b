import { useSeededGraphQL } from '../../../test/graphql';
import { callerFor } from '../auth/roles';

const planner = callerFor(['PLANNER'], { kind: 'USER', id: 1, label: 'planerin@leipzig.de' });

const CREATE = `mutation($input: CreateServiceInput!) {
  createService(input: $input) { id name version status published locations { id area { code name } } category { key } }
}`;
const UPDATE = `mutation($input: UpdateServiceInput!) { updateService(input: $input) { id name capacity version } }`;

describe('editing services', () => {
  let categoryId: number;
  const { db, gql } = useSeededGraphQL();
  beforeAll(async () => {
    categoryId = (await db.prisma.serviceCategory.findFirstOrThrow({ where: { key: 'day_care' } })).id;
  });

  async function createService(name = 'Kita Sonnenschein') {
    return gql.data(
      CREATE,
      { input: { name, categoryId, capacity: 60, capacityUnit: 'PLACES', newLocation: { street: 'Eisenbahnstraße', houseNumber: '1', lon: 12.4, lat: 51.345 } } },
      planner,
    );
  }

  it('creates a service whose new location gets its area from the point', async () => {
    const { createService: service } = await createService();
    expect(service).toMatchObject({ name: 'Kita Sonnenschein', version: 1, status: 'ACTIVE', published: true, category: { key: 'day_care' } });
    expect(service.locations).toHaveLength(1);
    expect(service.locations[0].area).not.toBeNull();
  });

  it('reads a service created without target groups or legal bases back with empty lists', async () => {
    const { createService: service } = await createService('Kita Kleeblatt');
    const { service: read } = await gql.data('query($id: Int!) { service(id: $id) { targetGroups legalBases } }', { id: service.id }, planner);
    expect(read).toEqual({ targetGroups: [], legalBases: [] });
  });

  it('updates with the version read and increments it', async () => {
    const { createService: service } = await createService('Kita Regenbogen');
    const { updateService } = await gql.data(UPDATE, { input: { id: service.id, version: 1, capacity: 75 } }, planner);
    expect(updateService).toMatchObject({ capacity: 75, version: 2 });
  });

  it('lets one of two concurrent edits of the same version win; the other gets CONFLICT', async () => {
    const { createService: service } = await createService('Kita Wirbelwind');
    const [a, b] = await Promise.all([
      gql.run(UPDATE, { input: { id: service.id, version: 1, capacity: 70 } }, planner),
      gql.run(UPDATE, { input: { id: service.id, version: 1, capacity: 80 } }, planner),
    ]);
    const outcomes = [a, b].map((r) => (r.errors ? r.errors[0]?.extensions?.code : 'OK')).sort();
    expect(outcomes).toEqual(['CONFLICT', 'OK']);
    const loser = (a.errors ? a : b).errors?.[0];
    expect(loser?.message).toMatch(/inzwischen von jemand anderem geändert/);
    const winner = ((a.errors ? b : a).data as any).updateService;
    const row = await db.prisma.service.findUniqueOrThrow({ where: { id: service.id } });
    expect(row).toMatchObject({ version: 2, capacity: winner.capacity });
  });

  it('writes an audit row with before and after for every write, in the same transaction', async () => {
    const { createService: service } = await createService('Kita Pusteblume');
    await gql.data(UPDATE, { input: { id: service.id, version: 1, name: 'Kita Pusteblume II' } }, planner);
    const rows = await db.prisma.auditLog.findMany({ where: { entity: 'service', entityId: String(service.id) }, orderBy: { id: 'asc' } });
    expect(rows.map((r) => r.action)).toEqual(['create', 'update']);
    expect(rows[1]).toMatchObject({ actorKind: 'USER', actorId: 1, actorLabel: 'planerin@leipzig.de' });
    expect((rows[1]?.before as any).name).toBe('Kita Pusteblume');
    expect((rows[1]?.after as any).name).toBe('Kita Pusteblume II');
  });

  it('refuses invalid input with German messages and stable codes, writing nothing', async () => {
    const before = await db.prisma.service.count();
    const result = await gql.run(CREATE, { input: { name: '', categoryId: 999999, capacity: -1 } }, planner);
    const error = result.errors?.[0];
    expect(error?.extensions?.code).toBe('BAD_USER_INPUT');
    const reasons = (error?.extensions?.problems as { field: string; reason: string }[]).map((p) => `${p.field}:${p.reason}`).sort();
    expect(reasons).toEqual(['capacity:OUT_OF_RANGE', 'categoryId:UNKNOWN_REFERENCE', 'name:REQUIRED']);
    expect(error?.message).toMatch(/Die Kapazität darf nicht negativ sein/);
    expect(await db.prisma.service.count()).toBe(before);
  });

  it('refuses an impossible date before anything runs, and an end before the start with the other problems', async () => {
    const before = await db.prisma.service.count();
    const impossible = await gql.run(CREATE, { input: { name: 'Kita Datum', categoryId: 1, startDate: '2024-02-30' } }, planner);
    expect(impossible.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(impossible.errors?.[0]?.message).toMatch(/input\.startDate.*„2024-02-30“ ist kein gültiges Datum; bitte als JJJJ-MM-TT angeben/);
    const reversed = await gql.run(CREATE, { input: { name: 'Kita Datum', categoryId: 1, startDate: '2024-05-01', endDate: '2024-04-30' } }, planner);
    expect(reversed.errors?.[0]?.extensions?.problems).toEqual([expect.objectContaining({ field: 'endDate', reason: 'OUT_OF_RANGE' })]);
    expect(await db.prisma.service.count()).toBe(before);
  });

  it('refuses a capacity that cannot be: 12,5 places, 3,5 contacts, more hours than a week has; checks a capacity alone against the stored unit', async () => {
    const before = await db.prisma.service.count();
    const half = (await gql.run(CREATE, { input: { name: 'Kita Halbplatz', categoryId, capacity: 12.5, capacityUnit: 'PLACES' } }, planner)).errors?.[0];
    expect(half?.extensions?.problems).toEqual([expect.objectContaining({ field: 'capacity', reason: 'INVALID_FORMAT' })]);
    expect(half?.message).toMatch(/Plätze werden in ganzen Zahlen gezählt: 12,5 ist keine ganze Zahl/);
    const contacts = (await gql.run(CREATE, { input: { name: 'Beratung Halbkontakt', categoryId, capacity: 3.5, capacityUnit: 'CONTACTS_PER_YEAR' } }, planner)).errors?.[0];
    expect(contacts?.extensions?.problems).toEqual([expect.objectContaining({ field: 'capacity', reason: 'INVALID_FORMAT' })]);
    const week = (await gql.run(CREATE, { input: { name: 'Treff Dauerbetrieb', categoryId, capacity: 200, capacityUnit: 'HOURS_PER_WEEK' } }, planner)).errors?.[0];
    expect(week?.extensions?.problems).toEqual([expect.objectContaining({ field: 'capacity', reason: 'OUT_OF_RANGE' })]);
    expect(await db.prisma.service.count()).toBe(before);

    // 12,5 hours a week are possible; a capacity sent alone meets the unit already stored
    const hours = await gql.data(CREATE, { input: { name: 'Treff Stunden', categoryId, capacity: 12.5, capacityUnit: 'HOURS_PER_WEEK' } }, planner);
    const { createService: kita } = await createService('Kita Ganzzahl');
    const alone = (await gql.run(UPDATE, { input: { id: kita.id, version: 1, capacity: 60.5 } }, planner)).errors?.[0];
    expect(alone?.extensions?.problems).toEqual([expect.objectContaining({ field: 'capacity', reason: 'INVALID_FORMAT' })]);
    expect((await gql.data(UPDATE, { input: { id: hours.createService.id, version: 1, capacity: 20.5 } }, planner)).updateService.capacity).toBe(20.5);
  });

  it('refuses a point outside the city (Berlin, or swapped axes) with the reason, unless it is confirmed', async () => {
    const before = await db.prisma.location.count();
    const at = (lon: number, lat: number, extra = {}) =>
      gql.run(CREATE, { input: { name: 'Kita Irrtum', categoryId, newLocation: { street: 'Unter den Linden', houseNumber: '1', lon, lat, ...extra } } }, planner);
    const berlin = (await at(13.405, 52.52)).errors?.[0];
    expect(berlin?.extensions?.problems).toEqual([expect.objectContaining({ field: 'newLocation.lon', reason: 'OUTSIDE_CITY' })]);
    expect(berlin?.message).toMatch(/Längengrad 13,405, Breitengrad 52,52\) liegt in keinem Gebiet der Stadt/);
    const swapped = (await at(51.345, 12.4)).errors?.[0];
    expect(swapped?.extensions?.problems).toEqual([expect.objectContaining({ field: 'newLocation.lon', reason: 'AXES_SWAPPED' })]);
    expect(swapped?.message).toMatch(/vertauscht/);
    expect(await db.prisma.location.count()).toBe(before);

    // a service across the boundary, on purpose: saved, without an area
    const confirmed = await gql.data(CREATE, { input: { name: 'Kita Umland', categoryId, newLocation: { lon: 12.2, lat: 51.2, outsideCityConfirmed: true } } }, planner);
    expect(confirmed.createService.locations[0].area).toBeNull();

    // moving an existing location to Berlin is refused as well
    const { createService: service } = await createService('Kita Umzug');
    const location = await db.prisma.location.findUniqueOrThrow({ where: { id: service.locations[0].id } });
    const moved = await gql.run('mutation($input: UpdateLocationInput!) { updateLocation(input: $input) { id } }', { input: { id: location.id, version: location.version, lon: 13.405, lat: 52.52 } }, planner);
    expect(moved.errors?.[0]?.extensions?.problems).toEqual([expect.objectContaining({ reason: 'OUTSIDE_CITY' })]);
  });

  it('retires a service by closing it', async () => {
    const { createService: service } = await createService('Kita Abendrot');
    const { retireService } = await gql.data(`mutation { retireService(id: ${service.id}, version: 1) { deleted version } }`, {}, planner);
    expect(retireService).toEqual({ deleted: false, version: 2 });
    expect((await db.prisma.service.findUniqueOrThrow({ where: { id: service.id } })).status).toBe('CLOSED');
  });
});
