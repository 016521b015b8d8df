import { describe, expectTypeOf, it } from 'vitest';
import type {
  BlockNode,
  OrganisationRef,
  Pagination as ServerPagination,
  PublicDocument,
  TopicRef as ServerTopicRef,
  ListBody as ServerList,
  OneBody as ServerOne,
} from '../../../cms/server/src/reads/shapes';
import type {
  BNode,
  Img,
  ListBody,
  OneBody,
  Pagination,
  Practice,
  Ref,
  Session,
  Statement,
  Topic,
  TopicRef,
} from '../../src/internal/types';

/*
 * The widgets' document types (src/internal/types.ts) are tied to the server's
 * public document schemas (cms/server/src/reads/shapes.ts): every field a widget
 * reads must be one the API answers, with a type the widget accepts (the widget
 * may expect less: it renders defensively, so null or missing is always fine).
 * These are type-level checks: `npm run typecheck` (part of the widgets' build)
 * fails on drift, and names the offending field.
 */

/** Fields of `W` (as paths) that `S` lacks or gives a type `W` does not accept; `never` when none. */
type Drift<W, S, Path extends string = ''> = {
  [K in keyof W & string]-?: K extends keyof S ? Compare<W[K], S[K], `${Path}${K}`> : `${Path}${K}`;
}[keyof W & string];

/** `true` among the results when `W` fits at least one member of the union `S` (pagination: by page or by offset). */
type FitsOneOf<W, S> = S extends unknown ? ([Drift<W, S>] extends [never] ? true : false) : never;

type Compare<W, S, Path extends string> = unknown extends S
  ? never // the server does not constrain it (rich-text node attributes)
  : NonNullable<W> extends readonly (infer WItem)[]
    ? NonNullable<S> extends readonly (infer SItem)[]
      ? Compare<WItem, SItem, `${Path}[]`>
      : Path
    : NonNullable<W> extends object
      ? NonNullable<S> extends object
        ? true extends FitsOneOf<NonNullable<W>, NonNullable<S>>
          ? never
          : Drift<NonNullable<W>, NonNullable<S>, `${Path}.`>
        : Path
      : NonNullable<S> extends NonNullable<W>
        ? never
        : Path;

describe("the widgets' document types", () => {
  it('name only fields the public API answers, with types they accept', () => {
    expectTypeOf<Drift<Topic, PublicDocument<'topic'>>>().toEqualTypeOf<never>();
    expectTypeOf<Drift<Practice, PublicDocument<'practice'>>>().toEqualTypeOf<never>();
    expectTypeOf<Drift<Session, PublicDocument<'session'>>>().toEqualTypeOf<never>();
    expectTypeOf<Drift<Statement, PublicDocument<'statement'>>>().toEqualTypeOf<never>();
    expectTypeOf<Drift<TopicRef, ServerTopicRef>>().toEqualTypeOf<never>();
    expectTypeOf<Drift<Ref, OrganisationRef>>().toEqualTypeOf<never>();
    expectTypeOf<Drift<Img, PublicDocument<'practice'>['images'][number]>>().toEqualTypeOf<never>();
    expectTypeOf<Drift<BNode, BlockNode>>().toEqualTypeOf<never>();
  });

  it('read the list and single answers as the API sends them', () => {
    // the widgets page by page and size, never by offset
    expectTypeOf<Drift<Pagination, Extract<ServerPagination, { page: number }>>>().toEqualTypeOf<never>();
    expectTypeOf<Drift<Pagination, Extract<ServerPagination, { start: number }>>>().toEqualTypeOf<'page' | 'pageSize' | 'pageCount'>();
    expectTypeOf<Drift<ListBody<Practice>, ServerList<'practice'>>>().toEqualTypeOf<never>();
    expectTypeOf<Drift<OneBody<Session>, ServerOne<'session'>>>().toEqualTypeOf<never>();
  });

  it('would catch a field the API does not answer, or a type it does not send', () => {
    expectTypeOf<Drift<{ slug: string; nickname?: string }, ServerTopicRef>>().toEqualTypeOf<'nickname'>();
    expectTypeOf<Drift<{ latitude?: string }, PublicDocument<'practice'>>>().toEqualTypeOf<'latitude'>();
    expectTypeOf<Drift<{ promoters?: { slug: string; email: string }[] }, PublicDocument<'practice'>>>().toEqualTypeOf<'promoters[].email'>();
  });
});
