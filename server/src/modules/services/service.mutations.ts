import { Accessibility, CapacityUnit, LegalBasis, Prisma, ServiceStatus, TargetGroup } from '@sozialatlas/db';
import { ArrayMaxSize, IsNotEmpty, IsOptional, MaxLength, Min } from 'class-validator';
import { GraphQLJSON } from 'graphql-scalars';
import { Arg, Args, Authorized, Ctx, Field, Float, InputType, Int, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../../context';
import { Service } from './service.type';
import type { Tx } from '../common/writes/audit';
import { RetireArgs, RetireResult } from '../common/writes/writes.type';
import { createLocation, LocationFields, outsideCityProblems, pointProblems } from './location.mutations';
import { addressTableCityName } from '../geocoding/address-geocoder';
import { checkInput, problem, type FieldProblem } from '../common/writes/validation';
import { createAudited, edit, given, updateAudited } from '../common/writes/versioned';
import { DateScalar, isoDate } from '../../scalars/date';

@InputType({ description: 'Fields of a service (Angebot) shared by create and update.' })
class ServiceFields {
  @Field(() => String, { nullable: true, description: 'Name (Name des Angebots).' })
  @IsOptional()
  @IsNotEmpty({ message: 'Bitte einen Namen für das Angebot angeben.' })
  @MaxLength(200, { message: 'Der Name darf höchstens 200 Zeichen lang sein.' })
  name?: string;

  @Field(() => String, { nullable: true, description: 'Description (Beschreibung).' })
  @IsOptional()
  @MaxLength(5000, { message: 'Die Beschreibung darf höchstens 5.000 Zeichen lang sein.' })
  description?: string | null;

  @Field(() => Int, { nullable: true, description: 'Category id (Angebotsart), see `serviceCategories`.' })
  categoryId?: number;

  @Field(() => Int, { nullable: true, description: 'Provider id (Träger); null when unknown.' })
  providerId?: number | null;

  @Field(() => [TargetGroup], { nullable: true, description: 'Target groups (Zielgruppen).' })
  @IsOptional()
  @ArrayMaxSize(20, { message: 'Höchstens 20 Zielgruppen.' })
  targetGroups?: TargetGroup[];

  @Field(() => [LegalBasis], { nullable: true, description: 'Legal bases (Rechtsgrundlagen).' })
  @IsOptional()
  @ArrayMaxSize(10, { message: 'Höchstens 10 Rechtsgrundlagen.' })
  legalBases?: LegalBasis[];

  @Field(() => Float, { nullable: true, description: 'Capacity in `capacityUnit` (Kapazität); not negative.' })
  @IsOptional()
  @Min(0, { message: 'Die Kapazität darf nicht negativ sein.' })
  capacity?: number | null;

  @Field(() => CapacityUnit, { nullable: true, description: 'Unit of the capacity (Kapazitätseinheit).' })
  capacityUnit?: CapacityUnit | null;

  @Field(() => ServiceStatus, { nullable: true, description: 'Planned, active or closed (Status); default ACTIVE.' })
  status?: ServiceStatus;

  @Field(() => DateScalar, { nullable: true, description: 'Start date (Beginn).' })
  startDate?: Date | null;

  @Field(() => DateScalar, { nullable: true, description: 'End date (Ende); not before the start.' })
  endDate?: Date | null;

  @Field(() => Accessibility, { nullable: true, description: 'Step-free access (Barrierefreiheit); default UNKNOWN.' })
  accessibility?: Accessibility;

  @Field(() => String, { nullable: true, description: 'Fee as published (Entgelt).' })
  @IsOptional()
  @MaxLength(500, { message: 'Das Entgelt darf höchstens 500 Zeichen lang sein.' })
  fee?: string | null;

  @Field(() => GraphQLJSON, { nullable: true, description: 'Weekly opening hours: [{ "day": "MONDAY", "opens": "08:00", "closes": "16:00" }].' })
  openingHours?: unknown;

  @Field(() => Boolean, { nullable: true, description: 'False keeps the service as a draft (Entwurf); default true.' })
  published?: boolean;

  @Field(() => [Int], { nullable: true, description: 'Existing locations where the service is offered; replaces the current list.' })
  @IsOptional()
  @ArrayMaxSize(100, { message: 'Höchstens 100 Standorte.' })
  locationIds?: number[];

  @Field(() => LocationFields, { nullable: true, description: 'A new location picked on the map, added to the service.' })
  newLocation?: LocationFields;
}

@InputType({ description: 'A new service; name and category are required.' })
export class CreateServiceInput extends ServiceFields {}

@InputType({ description: 'Changes to a service; only the fields given are changed.' })
export class UpdateServiceInput extends ServiceFields {
  @Field(() => Int, { description: 'Id of the service.' })
  id!: number;

  @Field(() => Int, { description: 'The version you read; a newer one in the database gives CONFLICT.' })
  version!: number;
}

const DAYS = new Set(['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY']);
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

function openingHoursProblem(value: unknown): FieldProblem | null {
  if (value === undefined || value === null) return null;
  const ok =
    Array.isArray(value) &&
    value.length <= 50 &&
    value.every((d) => d && typeof d === 'object' && DAYS.has(d.day) && TIME.test(d.opens) && TIME.test(d.closes) && d.opens < d.closes);
  return ok ? null : problem('openingHours', 'INVALID_FORMAT', 'Öffnungszeiten bitte als Liste von Wochentag, „opens“ und „closes“ (HH:MM, Beginn vor Ende) angeben.');
}

/** Whole places and contacts; at most the 168 hours of a week. */
function capacityProblem(capacity: number | null | undefined, unit: CapacityUnit | null | undefined): FieldProblem | null {
  if (capacity === undefined || capacity === null || capacity < 0) return null;
  if ((unit === 'PLACES' || unit === 'CONTACTS_PER_YEAR') && !Number.isInteger(capacity)) {
    const what = unit === 'PLACES' ? 'Plätze' : 'Kontakte';
    return problem('capacity', 'INVALID_FORMAT', `${what} werden in ganzen Zahlen gezählt: ${String(capacity).replace('.', ',')} ist keine ganze Zahl.`);
  }
  if (unit === 'HOURS_PER_WEEK' && capacity > 168) return problem('capacity', 'OUT_OF_RANGE', 'Eine Woche hat 168 Stunden: mehr Stunden je Woche sind nicht möglich.');
  return null;
}

/** Validates references and dates against the database; returns the data to write. */
async function serviceData(
  tx: Tx,
  input: ServiceFields,
  creating: boolean,
  current?: { startDate: Date | null; endDate: Date | null; capacity: number | null; capacityUnit: CapacityUnit | null },
) {
  const problems: FieldProblem[] = [];
  // the rule needs both: a capacity given alone is checked against the stored unit, and vice versa;
  // an edit of other fields leaves a stored capacity alone
  const capacity = (input.capacity !== undefined || input.capacityUnit !== undefined) && capacityProblem(
    input.capacity !== undefined ? input.capacity : current?.capacity,
    input.capacityUnit !== undefined ? input.capacityUnit : current?.capacityUnit,
  );
  if (capacity) problems.push(capacity);
  if (creating && !input.name) problems.push(problem('name', 'REQUIRED', 'Bitte einen Namen für das Angebot angeben.'));
  if (creating && input.categoryId === undefined) problems.push(problem('categoryId', 'REQUIRED', 'Bitte eine Angebotsart wählen.'));
  if (input.categoryId !== undefined && !(await tx.serviceCategory.findUnique({ where: { id: input.categoryId } }))) {
    problems.push(problem('categoryId', 'UNKNOWN_REFERENCE', 'Diese Angebotsart gibt es nicht.'));
  }
  if (input.providerId !== undefined && input.providerId !== null && !(await tx.provider.findUnique({ where: { id: input.providerId } }))) {
    problems.push(problem('providerId', 'UNKNOWN_REFERENCE', 'Diesen Träger gibt es nicht.'));
  }
  if (input.locationIds?.length) {
    const found = await tx.location.count({ where: { id: { in: input.locationIds } } });
    if (found !== new Set(input.locationIds).size) problems.push(problem('locationIds', 'UNKNOWN_REFERENCE', 'Mindestens einen der gewählten Standorte gibt es nicht.'));
  }
  const start = input.startDate !== undefined ? input.startDate : (current?.startDate ?? null);
  const end = input.endDate !== undefined ? input.endDate : (current?.endDate ?? null);
  if (start && end && end < start) problems.push(problem('endDate', 'OUT_OF_RANGE', 'Das Ende darf nicht vor dem Beginn liegen.'));
  const hours = openingHoursProblem(input.openingHours);
  if (hours) problems.push(hours);
  if (input.newLocation) problems.push(...pointProblems(input.newLocation, 'newLocation', true, await addressTableCityName(tx)), ...(await outsideCityProblems(tx, input.newLocation, 'newLocation')));
  await checkInput(input, problems);
  return given({
    name: input.name,
    description: input.description,
    categoryId: input.categoryId,
    providerId: input.providerId,
    targetGroups: input.targetGroups,
    legalBases: input.legalBases,
    capacity: input.capacity,
    capacityUnit: input.capacityUnit,
    status: input.status,
    accessibility: input.accessibility,
    fee: input.fee,
    // null clears the opening hours (a JSON null would be stored as a value).
    openingHours: input.openingHours === null ? Prisma.DbNull : (input.openingHours as Prisma.InputJsonValue | undefined),
    published: input.published,
    startDate: input.startDate,
    endDate: input.endDate,
  });
}

/** Replaces the location links and adds a new location, if given. */
async function linkLocations(ctx: Context, tx: Tx, serviceId: number, input: ServiceFields) {
  if (input.locationIds) {
    await tx.serviceLocation.deleteMany({ where: { serviceId, locationId: { notIn: input.locationIds } } });
    await tx.serviceLocation.createMany({ data: input.locationIds.map((locationId) => ({ serviceId, locationId })), skipDuplicates: true });
  }
  if (input.newLocation) {
    const location = await createLocation(ctx, tx, input.newLocation);
    await tx.serviceLocation.create({ data: { serviceId, locationId: location.id } });
  }
}

async function snapshot(tx: Tx, id: number) {
  const row = await tx.service.findUnique({ where: { id }, include: { locations: { select: { locationId: true } } } });
  if (!row) return null;
  const { locations, ...rest } = row;
  return { ...rest, locationIds: locations.map((l) => l.locationId) };
}

/** Prisma row → the shape of the `Service` GraphQL type (dates as YYYY-MM-DD). */
export const toService = (row: NonNullable<Awaited<ReturnType<typeof snapshot>>>) => ({
  ...row,
  startDate: isoDate(row.startDate),
  endDate: isoDate(row.endDate),
});

@Resolver()
export class ServiceMutations {
  @Authorized('PLANNER')
  @Mutation(() => Service, { description: 'Creates a service, optionally with a new location picked on the map (Angebot anlegen). Role: PLANNER.' })
  async createService(@Ctx() ctx: Context, @Arg('input', () => CreateServiceInput, { description: 'The new service.' }) input: CreateServiceInput) {
    return edit(ctx, async (tx) => {
      const data = await serviceData(tx, input, true);
      const row = await createAudited(ctx, tx, 'service', 'service', data);
      await linkLocations(ctx, tx, row.id, input);
      return toService((await snapshot(tx, row.id))!);
    });
  }

  @Authorized('PLANNER')
  @Mutation(() => Service, { description: 'Changes a service; fails with CONFLICT when someone saved in between (Angebot ändern). Role: PLANNER.' })
  async updateService(@Ctx() ctx: Context, @Arg('input', () => UpdateServiceInput, { description: 'Id, version read and the changes.' }) input: UpdateServiceInput) {
    return edit(ctx, async (tx) => {
      const current = await tx.service.findUnique({ where: { id: input.id } });
      const data = await serviceData(tx, input, false, current ?? undefined);
      await updateAudited(ctx, tx, 'service', 'service', input.id, input.version, data, {
        after: () => linkLocations(ctx, tx, input.id, input),
        snapshot: (row) => snapshot(tx, row.id),
      });
      return toService((await snapshot(tx, input.id))!);
    });
  }

  @Authorized('PLANNER')
  @Mutation(() => RetireResult, { description: 'Closes a service: status CLOSED, end date today unless set (Angebot schließen). Role: PLANNER.' })
  async retireService(@Ctx() ctx: Context, @Args() { id, version }: RetireArgs): Promise<RetireResult> {
    const row = await edit(ctx, async (tx) => {
      const current = await tx.service.findUnique({ where: { id } });
      const today = new Date(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`);
      const end = current?.endDate ?? (current?.startDate && current.startDate > today ? current.startDate : today);
      return updateAudited(ctx, tx, 'service', 'service', id, version, { status: 'CLOSED', endDate: end }, {
        action: 'retire',
        snapshot: (r) => snapshot(tx, r.id),
      });
    });
    return { entity: 'service', id, deleted: false, version: row.version };
  }
}
