import { z } from 'zod';
import { submissionSchema } from '../submissions/validation';
import type { PublicRoute } from '../http/routes';
import { publicRoutes } from '../routes/content-api';
import { CONTENT_TYPE_NAMES, type ContentTypeName } from '../content-types/uids';
import { MAX_PAGE_SIZE, shortcutSchemas } from '../reads/params';
import {
  ALWAYS_FIELDS,
  SHAPES,
  blocksSchema,
  documentSchemas,
  listBodySchema,
  mediaSchema,
  oneBodySchema,
  organisationRefSchema,
  paginationSchema,
  topicRefSchema,
  facetValueSchema,
  facetsBodySchema,
  practiceFacetsSchema,
} from '../reads/shapes';

type Json = Record<string, unknown>;

const PLURAL_TO_TYPE: Record<string, ContentTypeName> = {
  topics: 'topic',
  organisations: 'organisation',
  calls: 'call',
  practices: 'practice',
  sessions: 'session',
  statements: 'statement',
};

const DESCRIPTIONS: Record<string, string> = {
  locale:
    'Language of the content. A document missing in it comes back in the first language of the locale’s fallback chain it has (configured fallbacks, then the default locale, then any), marked `localeFallback: true` with its `locale`.',
  q: 'Full-text search over title, summary and body in the requested locale, best match first.',
  page: 'Page number, from 1.',
  pageSize: `Documents per page, 1 to ${MAX_PAGE_SIZE}.`,
  format: '`jsonld` for schema.org JSON-LD (single documents).',
  topic: 'Topic slug (repeat for any of several).',
  country: 'ISO 3166-1 alpha-2 country code (repeat for any of several).',
  organisation: 'Organisation slug: promoter, organiser, issuer or signatory.',
  call: 'Slug of the call for practices. For practices, a call in its `results` phase lists only the practices its commission selected.',
  criteria: 'Priority criterion tag.',
  kind: 'Kind of document.',
  when: '`upcoming` (sorted soonest first) or `past` (most recent first).',
  open: '`true` for calls open now, `false` for the others.',
};

/** The query parameters of a type's routes, generated from the same zod schemas that validate them. */
const shortcutParameters = (type: ContentTypeName): Json[] => {
  const json = z.toJSONSchema(shortcutSchemas[type], { io: 'input', unrepresentable: 'any' }) as {
    properties?: Record<string, Json>;
  };
  return Object.entries(json.properties ?? {}).map(([name, schema]) => ({
    name,
    in: 'query',
    required: false,
    description: DESCRIPTIONS[name],
    schema,
    ...(JSON.stringify(schema).includes('"array"') ? { style: 'form', explode: true } : {}),
  }));
};

const restParameters = (type: ContentTypeName): Json[] => [
  {
    name: 'filters',
    in: 'query',
    style: 'deepObject',
    explode: true,
    description: "Strapi REST filters, e.g. `filters[country][$eq]=ES`. Private fields are refused (400).",
    schema: { type: 'object' },
  },
  {
    name: 'sort',
    in: 'query',
    description: `Strapi REST sort, e.g. \`title:asc\`. Sortable: ${SHAPES[type].sortable.join(', ')}.`,
    schema: { anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] },
  },
  {
    name: 'fields',
    in: 'query',
    description: 'Strapi REST fields: keep only these fields of each document.',
    schema: { anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] },
  },
  {
    name: 'populate',
    in: 'query',
    description: 'Accepted for compatibility and validated; relations always come back at a fixed, shallow shape.',
    schema: {},
  },
  {
    name: 'pagination',
    in: 'query',
    style: 'deepObject',
    explode: true,
    description: 'Strapi REST pagination: `pagination[page]` and `pagination[pageSize]`, or `pagination[start]` and `pagination[limit]`.',
    schema: {
      type: 'object',
      properties: {
        page: { type: 'integer', minimum: 1 },
        pageSize: { type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE },
        start: { type: 'integer', minimum: 0 },
        limit: { type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE },
      },
    },
  },
  {
    name: 'status',
    in: 'query',
    description: 'Only `published` is accepted: drafts are never public.',
    schema: { type: 'string', enum: ['published'] },
  },
];

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

/** Strapi's error answer: `{ data: null, error: { status, name, message, details } }`. */
const errorBodySchema = z.strictObject({
  data: z.null(),
  error: z.object({
    status: z.int(),
    name: z.string(),
    message: z.string(),
    details: z.record(z.string(), z.unknown()).optional(),
  }),
});

const SCHEMA_OF: Record<ContentTypeName, string> = {
  topic: 'Topic',
  organisation: 'Organisation',
  call: 'Call',
  practice: 'Practice',
  session: 'Session',
  statement: 'Statement',
};

/** The answers of a type's list and single-document routes (components `<Type>List` and `<Type>Response`). */
const listOf = (type: ContentTypeName) => `${SCHEMA_OF[type]}List`;
const responseOf = (type: ContentTypeName) => `${SCHEMA_OF[type]}Response`;

/**
 * The components: JSON Schemas generated from the zod output schemas of
 * ../reads/shapes.ts (the ones the presenters' types come from), each named
 * schema a `$ref` wherever another uses it. Answers may gain fields, so no
 * object is closed (`additionalProperties: false` is left out); a document
 * narrowed by `fields` keeps only ALWAYS_FIELDS for sure, so only those are
 * required of a document.
 */
const componentSchemas = (): Record<string, Json> => {
  const registry = z.registry<{ id: string }>();
  registry.add(topicRefSchema, { id: 'TopicRef' });
  registry.add(organisationRefSchema, { id: 'OrganisationRef' });
  registry.add(mediaSchema, { id: 'Media' });
  registry.add(blocksSchema, { id: 'Blocks' });
  registry.add(paginationSchema, { id: 'Pagination' });
  for (const type of CONTENT_TYPE_NAMES) {
    registry.add(documentSchemas[type], { id: SCHEMA_OF[type] });
    registry.add(listBodySchema(documentSchemas[type]), { id: listOf(type) });
    registry.add(oneBodySchema(documentSchemas[type]), { id: responseOf(type) });
  }
  registry.add(errorBodySchema, { id: 'Error' });
  registry.add(facetValueSchema, { id: 'FacetValue' });
  registry.add(practiceFacetsSchema, { id: 'PracticeFacets' });
  registry.add(facetsBodySchema(practiceFacetsSchema), { id: 'PracticeFacetsResponse' });
  const documents = new Set(CONTENT_TYPE_NAMES.map((type) => SCHEMA_OF[type]));
  const { schemas } = z.toJSONSchema(registry, {
    io: 'output',
    uri: (id) => `#/components/schemas/${id}`,
    override: ({ jsonSchema }) => {
      if (jsonSchema.additionalProperties === false) delete jsonSchema.additionalProperties;
      // zod writes a regular expression next to `format: date-time`; the format says it
      if (jsonSchema.format && jsonSchema.pattern) delete jsonSchema.pattern;
      // and the safe-integer bounds of every integer, which say nothing here
      if (jsonSchema.maximum === Number.MAX_SAFE_INTEGER) delete jsonSchema.maximum;
      if (jsonSchema.minimum === Number.MIN_SAFE_INTEGER) delete jsonSchema.minimum;
    },
  });
  return Object.fromEntries(
    Object.entries(schemas).map(([id, schema]) => {
      const { $schema: _schema, $id: _id, ...rest } = schema;
      return [id, documents.has(id) ? { ...rest, required: [...ALWAYS_FIELDS] } : rest];
    })
  );
};


const MEDIA_TYPES: Record<string, string> = {
  rss: 'application/rss+xml',
  atom: 'application/atom+xml',
  json: 'application/feed+json',
  ics: 'text/calendar',
  csv: 'text/csv',
};

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: ref('Error') } },
});

/** OpenAPI path and operation of one public route. */
const operation = (route: PublicRoute): [string, string, Json] => {
  const path = `/api/solidarity${route.path.replace(/:([A-Za-z]+)(\.\w+)?/g, (_, name: string, ext?: string) => `{${name}}${ext ?? ''}`)}`;
  const segments = route.path.split('/').filter(Boolean);
  const extension = /\.(\w+)$/.exec(route.path)?.[1];
  const plural = segments.find((s) => PLURAL_TO_TYPE[s.replace(/\..*$/, '')] !== undefined)?.replace(/\..*$/, '');
  const type = plural ? PLURAL_TO_TYPE[plural] : undefined;
  const pathParams = [...route.path.matchAll(/:([A-Za-z]+)/g)].map((m) => ({
    name: m[1],
    in: 'path',
    required: true,
    description: 'documentId or slug (of any locale)',
    schema: { type: 'string' },
  }));
  const single = pathParams.length > 0;
  const rejected = new Set<string>(route.rejects ?? []);
  const parameters = [
    ...pathParams,
    ...(type ? [...shortcutParameters(type), ...restParameters(type)].filter((p) => !rejected.has(String(p.name))) : []),
    { name: 'If-None-Match', in: 'header', required: false, schema: { type: 'string' }, description: 'ETag of a previous answer: 304 when unchanged.' },
  ];
  let ok: Json;
  if (extension && MEDIA_TYPES[extension]) {
    ok = { description: 'OK', content: { [MEDIA_TYPES[extension] as string]: { schema: { type: 'string' } } } };
  } else if (type && route.path.startsWith('/facets/')) {
    ok = {
      description: 'OK',
      headers: {
        ETag: { schema: { type: 'string' } },
        'Cache-Control': { schema: { type: 'string' }, example: 'public, max-age=60, stale-while-revalidate=600' },
      },
      content: { 'application/json': { schema: ref(`${SCHEMA_OF[type]}FacetsResponse`) } },
    };
  } else if (type) {
    ok = {
      description: 'OK',
      headers: {
        ETag: { schema: { type: 'string' } },
        'Cache-Control': { schema: { type: 'string' }, example: 'public, max-age=60, stale-while-revalidate=600' },
      },
      content: {
        'application/json': { schema: ref(single ? responseOf(type) : listOf(type)) },
        ...(single ? { 'application/ld+json': { schema: { type: 'object' } } } : {}),
      },
    };
  } else {
    ok = { description: 'OK', content: { 'application/json': { schema: { type: 'object' } } } };
  }
  if (route.handler === 'embed.oembed') {
    const dimension = (name: string, description: string) => ({
      name,
      in: 'query',
      required: false,
      schema: { type: 'integer', minimum: 1 },
      description,
    });
    return [
      path,
      'get',
      {
        operationId: 'oembed',
        summary: route.info?.summary ?? 'oEmbed',
        description:
          'oEmbed 1.0 (https://oembed.com) for the public pages `/embed/<locale>/<practices|sessions|statements>[/<slug>]` (provider URL scheme `<origin>/embed/*`). Answers `type: rich` with an `html` that holds a `<blockquote>` link (the fallback), an `<iframe>` of the page and a small host script; the page and the host script speak WordPress\'s embed messages (`{message: "height", value, secret}`), so WordPress sizes the iframe to its content. Every public page links here with `<link rel="alternate" type="application/json+oembed">`.',
        tags: ['Public pages'],
        parameters: [
          { name: 'url', in: 'query', required: true, schema: { type: 'string', format: 'uri' }, description: 'A public page of this network (`<origin>/embed/...`).' },
          dimension('maxwidth', 'Largest width of the embed, in CSS pixels (default and most: 600).'),
          dimension('maxheight', 'Largest height of the embed, in CSS pixels (default 400 for a document, 600 for a list).'),
          { name: 'format', in: 'query', required: false, schema: { type: 'string', enum: ['json', 'xml'] }, description: 'Only json; any other format (xml...) is a 501.' },
        ],
        responses: {
          '200': {
            description: 'oEmbed answer',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['version', 'type', 'html', 'width', 'height'],
                  properties: {
                    version: { type: 'string', const: '1.0' },
                    type: { type: 'string', const: 'rich' },
                    title: { type: 'string' },
                    author_name: { type: 'string' },
                    provider_name: { type: 'string' },
                    provider_url: { type: 'string', format: 'uri' },
                    cache_age: { type: 'integer' },
                    width: { type: 'integer' },
                    height: { type: 'integer' },
                    html: { type: 'string' },
                  },
                },
              },
            },
          },
          '304': { description: 'Not modified (If-None-Match matched the ETag)' },
          '400': errorResponse('Missing url, or a malformed maxwidth or maxheight'),
          '404': errorResponse('Not a published public page of this network (whatever is wrong with the URL: unknown slug, locale or filter)'),
          '501': errorResponse('A format other than json: only JSON is available'),
        },
      },
    ];
  }
  if (route.method === 'POST' && route.path === '/submissions') {
    return [
      path,
      'post',
      {
        operationId: 'submissions_create',
        summary: route.info?.summary ?? 'Send a good practice',
        description:
          'Only from allowed origins (CORS answers the allowed origin, never `*`, never with credentials). Needs a solved ALTCHA challenge from `/submissions/challenge` in `altcha`; `leaveThisFieldEmpty` is a honeypot: leave it out or empty (a value marks the request as spam, answered 202 as if accepted, and nothing is stored).',
        tags: ['Submissions'],
        requestBody: {
          required: true,
          content: { 'application/json': { schema: z.toJSONSchema(submissionSchema, { io: 'input', unrepresentable: 'any' }) } },
        },
        responses: {
          '202': {
            description: 'Accepted for review: stored as an unpublished draft, never published by this call',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: {
                    data: { type: 'object', properties: { id: { type: 'string' }, status: { type: 'string', enum: ['submitted'] } } },
                    meta: {
                      type: 'object',
                      properties: {
                        mail: { type: 'boolean', description: 'Whether the network sends mails: the acknowledgement and the review’s outcome reach the contact by mail' },
                      },
                    },
                  },
                },
              },
            },
          },
          '400': errorResponse('Invalid field (each in `error.details.errors`), malformed JSON, or a missing or used proof of work'),
          '403': errorResponse('Origin not allowed'),
          '409': errorResponse('The call is closed: past its deadline, not open yet, or in its assessment or results phase'),
          '413': errorResponse('Body over 64 KB'),
          '415': errorResponse('Not JSON'),
          '429': { ...errorResponse('Too many submissions'), headers: { 'Retry-After': { schema: { type: 'integer' } } } },
        },
      },
    ];
  }
  const op: Json = {
    operationId: route.handler.replace(/\./g, '_'),
    summary: route.info?.summary ?? `${route.method} ${path}`,
    ...(route.info?.description ? { description: route.info.description } : {}),
    tags: [type ? SCHEMA_OF[type] : 'Other'],
    parameters,
    responses: {
      '200': ok,
      '304': { description: 'Not modified (If-None-Match matched the ETag)' },
      '400': errorResponse('Invalid parameter (Strapi error format)'),
      ...(single ? { '404': errorResponse('No published document with that id or slug') } : {}),
    },
  };
  return [path, route.method.toLowerCase(), op];
};

/** OpenAPI 3.1 description of every public route of the plugin. */
export const buildOpenApi = (serverUrl: string, routes: PublicRoute[] = publicRoutes): Json => {
  const paths: Record<string, Record<string, Json>> = {};
  for (const route of routes) {
    const [path, method, op] = operation(route);
    (paths[path] ??= {})[method] = op;
  }
  paths['/api/solidarity/openapi.json'] = {
    get: { operationId: 'openapi', summary: 'This document', responses: { '200': { description: 'OpenAPI 3.1' } } },
  };
  return {
    openapi: '3.1.0',
    info: {
      title: 'Solidarity Commons public API',
      version: '1.0.0',
      description:
        'Good practices, online sessions and statements of social and solidarity economy networks. No token needed; only published content; reads are open to every origin (CORS `*`, never with credentials); submissions only from the network\'s allowed origins.',
      license: { name: 'AGPL-3.0-or-later', identifier: 'AGPL-3.0-or-later' },
    },
    servers: [{ url: serverUrl }],
    paths,
    components: { schemas: componentSchemas() },
  };
};

export const DOCUMENTED_TYPES = CONTENT_TYPE_NAMES;
