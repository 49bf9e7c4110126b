import { ArgsType, ClassType, Field, Int, ObjectType } from 'type-graphql';
import { BadUserInputError } from '../../errors';

/** Largest page any connection returns; larger `first` values are refused, not silently cut. */
export const MAX_PAGE_SIZE = 500;
export const DEFAULT_PAGE_SIZE = 100;

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: `Number of items to return (1–${MAX_PAGE_SIZE}, default ${DEFAULT_PAGE_SIZE}).` })
  first?: number;

  @Field(() => String, { nullable: true, description: 'Cursor after which to continue (from `pageInfo.endCursor`).' })
  after?: string;
}

@ObjectType({ description: 'Relay page information.' })
export class PageInfo {
  @Field({ description: 'True when more items follow this page.' })
  hasNextPage!: boolean;

  @Field({ description: 'True when items precede this page.' })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the first item on this page.' })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the last item; pass as `after` for the next page.' })
  endCursor!: string | null;
}

export interface Page<T> {
  nodes: T[];
  totalCount: () => Promise<number>;
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  cursorOf: (node: T) => string;
}

/** Cursors are opaque to clients; inside they are the item's id (ordering is by id: stable). */
export const encodeCursor = (id: number) => Buffer.from(`id:${id}`).toString('base64url');

export function decodeCursor(cursor: string | undefined): number | undefined {
  if (cursor === undefined || cursor === null) return undefined;
  const match = /^id:(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString());
  const id = match ? Number(match[1]) : NaN;
  // ids are PostgreSQL integers: a larger number is no cursor we handed out
  if (!Number.isSafeInteger(id) || id > 2_147_483_647) throw new BadUserInputError('Ungültiger Cursor (invalid cursor)', 'after');
  return id;
}

export function pageSize(first: number | undefined): number {
  const size = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) {
    throw new BadUserInputError(`first must be between 1 and ${MAX_PAGE_SIZE}`, 'first');
  }
  return size;
}

/**
 * Keyset pagination over rows ordered by id. `fetch(take, afterId)` returns up to `take` rows with
 * id > afterId in id order; one extra row tells whether a next page exists.
 */
export async function paginate<T extends { id: number }>(
  args: PageArgs,
  fetch: (take: number, afterId: number | undefined) => Promise<T[]>,
  count: () => Promise<number>,
): Promise<Page<T>> {
  const size = pageSize(args.first);
  const afterId = decodeCursor(args.after);
  const rows = await fetch(size + 1, afterId);
  return {
    nodes: rows.slice(0, size),
    hasNextPage: rows.length > size,
    hasPreviousPage: afterId !== undefined,
    totalCount: count,
    cursorOf: (node) => encodeCursor(node.id),
  };
}

/** Builds the `XConnection` and `XEdge` types for a node type. */
export function Connection<T extends object>(nodeType: ClassType<T>, name: string, description: string) {
  @ObjectType(`${name}Edge`, { description: `An edge of a ${name} connection.` })
  class Edge {
    @Field({ description: 'Opaque cursor of this item.' })
    cursor!: string;

    @Field(() => nodeType, { description: 'The item.' })
    node!: T;
  }

  @ObjectType(`${name}Connection`, { description })
  class ConnectionType {
    @Field(() => [Edge], { description: 'Items of this page with their cursors.' })
    edges!: Edge[];

    @Field(() => [nodeType], { description: 'Items of this page (shortcut for edges.node).' })
    nodes!: T[];

    @Field(() => PageInfo, { description: 'Where this page lies in the whole list.' })
    pageInfo!: PageInfo;

    @Field(() => Int, { description: 'Number of items matching the filter, over all pages.' })
    totalCount!: number;
  }

  return { ConnectionType, Edge };
}

/** Turns a page into the GraphQL connection shape; totalCount is only computed when asked for. */
export function toConnection<T>(page: Page<T>) {
  let total: Promise<number> | undefined;
  return {
    edges: page.nodes.map((node) => ({ cursor: page.cursorOf(node), node })),
    nodes: page.nodes,
    pageInfo: {
      hasNextPage: page.hasNextPage,
      hasPreviousPage: page.hasPreviousPage,
      startCursor: page.nodes.length ? page.cursorOf(page.nodes[0] as T) : null,
      endCursor: page.nodes.length ? page.cursorOf(page.nodes[page.nodes.length - 1] as T) : null,
    },
    get totalCount() {
      total ??= page.totalCount();
      return total;
    },
  };
}
