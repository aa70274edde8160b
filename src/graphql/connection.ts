// Relay-style connections over stably ordered lists. Cursors are opaque offsets into that order — except a
// country-wide search's, which are keys (a government and a match within it: page k costs what page 1 does).
import { ArgsType, Field, Int, ObjectType, type ClassType } from 'type-graphql';
import { IsOptional, Max, Min, MaxLength } from 'class-validator';
import { BadInputError } from '../domain';

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 50;

@ArgsType()
export class ConnectionArgs {
  @Field(() => Int, { nullable: true, description: `Page size, 1–${MAX_PAGE_SIZE} (default ${DEFAULT_PAGE_SIZE}).` })
  @IsOptional()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  first?: number;

  @Field(() => String, { nullable: true, description: 'Return the items after this cursor (from pageInfo.endCursor).' })
  @IsOptional()
  @MaxLength(100)
  after?: string;
}

@ObjectType()
export class PageInfo {
  @Field()
  hasNextPage!: boolean;

  @Field()
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true })
  startCursor!: string | null;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface ConnectionShape<T> {
  edges: Edge<T>[];
  nodes: T[];
  pageInfo: PageInfo;
  /** A promise where counting costs (read as a getter, so it is computed only when the client selects it). */
  totalCount: number | Promise<number>;
}

/** Declares `<Name>Connection` and `<Name>Edge` object types for a node type. */
export function Connection<T extends object>(NodeType: ClassType<T> | object, name: string) {
  @ObjectType(`${name}Edge`)
  class EdgeType {
    @Field()
    cursor!: string;

    @Field(() => NodeType)
    node!: T;
  }

  @ObjectType()
  abstract class ConnectionType {
    @Field(() => [EdgeType])
    edges!: EdgeType[];

    @Field(() => [NodeType], { description: 'The nodes of `edges`, for clients that need no cursors.' })
    nodes!: T[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    @Field(() => Int, { description: 'Number of items in the whole list, across all pages.' })
    totalCount!: number;
  }
  return ConnectionType;
}

const CURSOR_PREFIX = 'offset:';

export function encodeCursor(offset: number): string {
  return Buffer.from(`${CURSOR_PREFIX}${offset}`, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): number {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const offset = text.startsWith(CURSOR_PREFIX) ? Number(text.slice(CURSOR_PREFIX.length)) : Number.NaN;
  if (!Number.isInteger(offset) || offset < 0) {
    throw new BadInputError(`无效的分页游标 (invalid cursor) "${cursor}"`, { argument: 'after' });
  }
  return offset;
}

const GOVERNMENT_PREFIX = 'gov:';

/** Where a country-wide search's page ends: the `index`-th match (0-based, in rank order) of a government; Infinity: its last. */
export interface GovernmentCursor {
  readonly jurisdictionId: string;
  readonly index: number;
}

export function encodeGovernmentCursor(cursor: GovernmentCursor): string {
  const index = cursor.index === Number.POSITIVE_INFINITY ? '*' : String(cursor.index);
  return Buffer.from(`${GOVERNMENT_PREFIX}${cursor.jurisdictionId}:${index}`, 'utf8').toString('base64url');
}

export function decodeGovernmentCursor(cursor: string): GovernmentCursor {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const split = text.lastIndexOf(':');
  const jurisdictionId = text.slice(GOVERNMENT_PREFIX.length, split);
  const last = text.slice(split + 1);
  const index = last === '*' ? Number.POSITIVE_INFINITY : Number(last);
  if (!text.startsWith(GOVERNMENT_PREFIX) || split < GOVERNMENT_PREFIX.length + 1 || !(last === '*' || (/^\d+$/.test(last) && Number.isSafeInteger(index)))) {
    throw new BadInputError(`无效的分页游标 (invalid cursor) "${cursor}"`, { argument: 'after' });
  }
  return { jurisdictionId, index };
}

/**
 * One page of a list paged by keys: its edges (each with its own cursor), whether more follow, and the count of
 * the whole list, computed only when the client selects `totalCount` (a getter: GraphQL reads it only then).
 */
export function keysetConnection<T, X extends object>(
  edges: readonly Edge<T>[],
  page: { readonly hasNextPage: boolean; readonly hasPreviousPage: boolean; readonly endCursor?: string | null },
  count: () => Promise<number>,
  extra: X,
): ConnectionShape<T> & X {
  let counted: Promise<number> | null = null;
  const connection = {
    ...extra,
    edges: [...edges],
    nodes: edges.map((e) => e.node),
    pageInfo: {
      hasNextPage: page.hasNextPage,
      hasPreviousPage: page.hasPreviousPage,
      startCursor: edges.length === 0 ? null : edges[0].cursor,
      // Where the next page starts: the last edge's cursor, unless the page says otherwise (it ended before its last item).
      endCursor: page.endCursor ?? (edges.length === 0 ? null : edges[edges.length - 1].cursor),
    },
  };
  return Object.defineProperty(connection, 'totalCount', { enumerable: true, get: () => (counted ??= count()) }) as typeof connection & { totalCount: Promise<number> };
}

/** Where a page starts and how long it is, from the arguments. */
export function pageWindow(args: ConnectionArgs): { offset: number; size: number } {
  const offset = args.after === undefined || args.after === null ? 0 : decodeCursor(args.after) + 1;
  return { offset, size: args.first ?? DEFAULT_PAGE_SIZE };
}

/** One page of a list whose items from `offset` on are `page`, out of `totalCount`. */
export function connectionOf<T>(page: readonly T[], offset: number, size: number, totalCount: number): ConnectionShape<T> {
  const items = page.slice(0, size);
  const edges = items.map((node, i) => ({ cursor: encodeCursor(offset + i), node }));
  return {
    edges,
    nodes: [...items],
    totalCount,
    pageInfo: {
      hasNextPage: offset + size < totalCount,
      hasPreviousPage: offset > 0,
      startCursor: edges.length === 0 ? null : edges[0].cursor,
      endCursor: edges.length === 0 ? null : edges[edges.length - 1].cursor,
    },
  };
}

/** Slices an already ordered list into one page. */
export function paginate<T>(items: readonly T[], args: ConnectionArgs): ConnectionShape<T> {
  const { offset, size } = pageWindow(args);
  return connectionOf(items.slice(offset, offset + size), offset, size, items.length);
}
