import { Args, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { BadUserInputError } from '../../errors';
import { Area } from '../areas/area.type';
import { resolveCity } from '../cities/city.sql';
import { checkYear } from '../common/years';
import { Source } from '../indicators/indicator.type';
import { ServiceCategory } from '../services/service.type';
import { BudgetArgs, BudgetCityArgs } from './budget.args';
import { inPricesOf, perPerson, planYearIndex, sumOf } from './budget.compute';
import { budgetCity, budgetCostTypes, budgetProducts, budgetYears, latestCityCounts, targetIndicators } from './budget.sql';
import { BudgetProduct, BudgetYear } from './budget.type';

const POPULATION = 'population';

function describeMethod(b: { year: number; baseYear: number; index: ReturnType<typeof planYearIndex>; assumedInflationPercent?: number; residentsYear?: number }): string {
  const real = b.index.value === null
    ? `Real: not computed, the consumer price index (VPI) has no value for ${b.year} yet; give assumedInflationPercent to project it.`
    : b.index.assumed
      ? `Real: nominal × VPI(${b.baseYear}) / VPI(${b.year}), with VPI(${b.year}) an assumption: VPI(${b.index.from!.year}) = ${b.index.from!.value} × (1 + ${b.assumedInflationPercent} %)^${b.year - b.index.from!.year} = ${b.index.value.toFixed(2)}.`
      : `Real: nominal × VPI(${b.baseYear}) / VPI(${b.year}) (Verbraucherpreisindex, Destatis).`;
  return (
    `Planned expenses (Planansätze, Ergebnishaushalt) of the city for ${b.year}, summed per budget product from the published lines. ` +
    'These are amounts the city plans for a field of work, not grants paid to providers (Träger): they are kept apart from funding lines. ' +
    `${real} ` +
    `Per resident: nominal / residents of the city${b.residentsYear ? ` in ${b.residentsYear} (latest count up to the plan year)` : ''}; ` +
    'per target person: nominal / the target group of the product’s linked service category (its coverage norm), city-wide, latest count up to the plan year; not given where the norm counts all residents as a proxy. Rounded to cents.'
  );
}

/** The city of `city` (key or AGS; a city without budget lines answers empty), else of the older `cityCode`. */
async function cityOf(ctx: Context, { city, cityCode }: BudgetCityArgs) {
  if (city && cityCode) throw new BadUserInputError('city and cityCode name the same: give city only', 'cityCode');
  if (!city) return budgetCity(ctx.prisma, cityCode);
  const scope = await resolveCity(ctx.prisma, city);
  return scope ? { id: scope.id, code: scope.city.ags } : undefined;
}

@Resolver(() => BudgetYear)
export class BudgetResolver {
  @Query(() => [Int], { description: 'Plan years with a budget for the city (Planjahre).' })
  async budgetYears(@Ctx() ctx: Context, @Args() args: BudgetCityArgs): Promise<number[]> {
    const city = await cityOf(ctx, args);
    return city ? (await budgetYears(ctx.prisma, city.id)).map((r) => r.year) : [];
  }

  @Query(() => BudgetYear, {
    nullable: true,
    description:
      'The city’s planned budget of one plan year per product (Haushalt): nominal, in constant prices, per resident and per person of the target group. ' +
      'Null when the city has no budget for the year.',
  })
  async budget(@Ctx() ctx: Context, @Args() args: BudgetArgs): Promise<BudgetYear | null> {
    // an explicit null (a variable left empty) is no assumption, not 0 %
    const assumedInflationPercent = args.assumedInflationPercent ?? undefined;
    checkYear(args.year, 'year');
    checkYear(args.baseYear, 'baseYear');
    if (assumedInflationPercent !== undefined && !(assumedInflationPercent >= -10 && assumedInflationPercent <= 20)) {
      throw new BadUserInputError('assumedInflationPercent must be between -10 and 20', 'assumedInflationPercent');
    }
    if (args.productCodes && args.productCodes.length > 500) throw new BadUserInputError('productCodes must name at most 500 products', 'productCodes');
    const city = await cityOf(ctx, args);
    if (!city) {
      if (args.cityCode) throw new BadUserInputError(`no city with the key ${args.cityCode}`, 'cityCode');
      return null;
    }
    const index = await ctx.loaders.priceIndex();
    const baseYear = args.baseYear ?? index[index.length - 1]?.baseYear ?? 2020;
    const base = index.find((p) => p.year === baseYear);
    if (!base) throw new BadUserInputError(`baseYear ${baseYear} has no consumer price index`, 'baseYear');

    const [products, costTypes] = await Promise.all([
      budgetProducts(ctx.prisma, city.id, args.year, args.productCodes),
      budgetCostTypes(ctx.prisma, city.id, args.year, args.productCodes),
    ]);
    if (products.length === 0 && !args.productCodes) return null;
    const categoryIds = [...new Set(products.flatMap((p) => (p.categoryId === null ? [] : [p.categoryId])))];
    const targets = categoryIds.length ? await targetIndicators(ctx.prisma, categoryIds) : [];
    const counts = await latestCityCounts(ctx.prisma, city.id, args.year, [POPULATION, ...targets.map((t) => t.indicatorKey)], ctx.caller);
    const countOf = new Map(counts.map((c) => [c.indicatorKey, c]));
    // A norm that counts all residents as a proxy has no target group count: per resident says it already.
    const targetOf = new Map(targets.map((t) => [t.categoryId, { note: t.description, count: t.indicatorKey === POPULATION ? null : (countOf.get(t.indicatorKey) ?? null) }]));
    const residents = countOf.get(POPULATION) ?? null;
    const yearIndex = planYearIndex(index, args.year, assumedInflationPercent);

    const costTypesOf = new Map<string, { costType: string; planned: string }[]>();
    for (const c of costTypes) costTypesOf.set(c.code, [...(costTypesOf.get(c.code) ?? []), { costType: c.costType, planned: c.planned }]);

    const result: BudgetProduct[] = products.map((p) => {
      const target = p.categoryId === null ? undefined : targetOf.get(p.categoryId);
      return {
        ...p,
        real: inPricesOf(p.planned, base.value, yearIndex.value),
        perResident: perPerson(p.planned, residents?.value),
        perTargetPerson: perPerson(p.planned, target?.count?.value),
        targetPopulation: target?.count ?? null,
        targetNote: target?.note ?? null,
        costTypes: costTypesOf.get(p.code) ?? [],
      };
    });
    const planned = sumOf(result.map((p) => p.planned));
    return {
      year: args.year,
      planned,
      real: inPricesOf(planned, base.value, yearIndex.value),
      baseYear,
      priceIndex: yearIndex.value,
      priceIndexAssumed: yearIndex.assumed,
      residents,
      perResident: perPerson(planned, residents?.value),
      products: result,
      method: describeMethod({ year: args.year, baseYear, index: yearIndex, assumedInflationPercent, residentsYear: residents?.year }),
      cityId: city.id,
      sourceIds: [...new Set(products.flatMap((p) => p.sourceIds))],
    };
  }

  @FieldResolver(() => Area, { description: 'The city (Stadt).' })
  city(@Root() budget: BudgetYear, @Ctx() ctx: Context) {
    return ctx.loaders.areaById.load(budget.cityId);
  }

  @FieldResolver(() => [Source], { description: 'Where the budget lines come from, with licence and attribution (Quelle).' })
  async sources(@Root() budget: BudgetYear, @Ctx() ctx: Context) {
    return (await ctx.loaders.sourceById.loadMany(budget.sourceIds)).filter((s): s is Source => s !== null && !(s instanceof Error));
  }
}

@Resolver(() => BudgetProduct)
export class BudgetProductResolver {
  @FieldResolver(() => ServiceCategory, {
    nullable: true,
    description: 'The service category the product clearly is (e.g. 3650 → day care); null for products that fund more than one field or none (seed/data/leipzig/budget/product-categories.json).',
  })
  category(@Root() product: BudgetProduct, @Ctx() ctx: Context) {
    return product.categoryId === null ? null : ctx.loaders.categoryById.load(product.categoryId);
  }
}
