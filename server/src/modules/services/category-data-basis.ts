// Which categories rest on real data and which on demo data, and from which sources (issue 11):
// for the profile and the legend. One query per request for all categories.
import { Ctx, Field, FieldResolver, Int, ObjectType, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { Prisma } from '@sozialatlas/db';
import { inDefaultCity } from '../cities/city.sql';
import { visibleService } from '../common/visible.sql';
import { Source } from '../indicators/indicator.type';
import { ServiceCategory } from './service.type';

@ObjectType({ description: 'What the services of a category rest on: real sources, demo data, or both (Datengrundlage).' })
export class CategoryDataBasis {
  @Field({ description: 'REAL (only real sources), DEMO (only demo data, "Demo-Daten"), MIXED, or NONE (no services).' })
  basis!: 'REAL' | 'DEMO' | 'MIXED' | 'NONE';

  @Field(() => Int, { description: 'Services from real sources.' })
  realServices!: number;

  @Field(() => Int, { description: 'Services from synthetic demo data.' })
  demoServices!: number;

  @Field(() => [Source], { description: 'The sources of the services; their titles say how old the data is ("Stand …").' })
  sources!: Source[];
}

const perRequest = new WeakMap<Context, Promise<Map<number, { real: number; demo: number; sourceIds: number[] }>>>();

function counts(ctx: Context) {
  let found = perRequest.get(ctx);
  if (!found) {
    found = ctx.prisma.$queryRaw<{ category_id: number; source_id: number | null; synthetic: boolean | null; n: number }[]>`
      SELECT s.category_id, s.source_id, o.synthetic, count(*)::int AS n
        FROM service s LEFT JOIN source o ON o.id = s.source_id
       WHERE ${visibleService(ctx.caller)} AND ${inDefaultCity(Prisma.sql`s.city_id`)}
       GROUP BY s.category_id, s.source_id, o.synthetic`.then((rows) => {
      const byCategory = new Map<number, { real: number; demo: number; sourceIds: number[] }>();
      for (const r of rows) {
        const c = byCategory.get(r.category_id) ?? { real: 0, demo: 0, sourceIds: [] };
        if (r.synthetic) c.demo += r.n;
        else c.real += r.n;
        if (r.source_id !== null) c.sourceIds.push(r.source_id);
        byCategory.set(r.category_id, c);
      }
      return byCategory;
    });
    perRequest.set(ctx, found);
  }
  return found;
}

@Resolver(() => ServiceCategory)
export class CategoryDataBasisResolver {
  @FieldResolver(() => CategoryDataBasis, { description: 'Whether the services of this category are real or demo data, and from which sources (Datengrundlage).' })
  async dataBasis(@Root() category: ServiceCategory, @Ctx() ctx: Context): Promise<CategoryDataBasis> {
    const c = (await counts(ctx)).get(category.id) ?? { real: 0, demo: 0, sourceIds: [] };
    const sources = (await ctx.loaders.sourceById.loadMany(c.sourceIds.sort((a, b) => a - b))).filter((s): s is Source => !!s && !(s instanceof Error));
    const basis = c.real && c.demo ? 'MIXED' : c.real ? 'REAL' : c.demo ? 'DEMO' : 'NONE';
    return { basis, realServices: c.real, demoServices: c.demo, sources };
  }
}
