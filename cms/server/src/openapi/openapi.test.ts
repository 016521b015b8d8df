import { Validator } from '@seriousme/openapi-schema-validator';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStrapi, type TestApp } from '../../../../test/helpers/strapi';
import { shortcutKeys } from '../reads/params';

let app: TestApp;
beforeAll(async () => {
  app = await startStrapi();
});
afterAll(async () => {
  await app?.stop();
});

interface Route {
  method: string;
  path: string;
}

describe('GET /api/solidarity/openapi.json', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    const res = await request(app.url).get('/api/solidarity/openapi.json').expect(200);
    expect(res.body.openapi).toBe('3.1.0');
    expect(res.headers['access-control-allow-origin']).toBe('*');
    const validator = new Validator();
    const result = await validator.validate(res.body);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('documents every public route the plugin serves, with every parameter its validator accepts', async () => {
    const doc = (await request(app.url).get('/api/solidarity/openapi.json')).body as {
      paths: Record<string, Record<string, { parameters: { name: string }[] }>>;
    };
    const routes = (app.strapi.plugin('solidarity').routes as unknown as Record<string, { routes: Route[] }>)[
      'content-api'
    ]?.routes as Route[];
    expect(routes.length).toBeGreaterThanOrEqual(13);
    for (const route of routes) {
      const path = `/api/solidarity${route.path.replace(/:([A-Za-z]+)/g, '{$1}')}`;
      const op = doc.paths[path]?.[route.method.toLowerCase()];
      expect(op, `${route.method} ${path}`).toBeDefined();
    }
    const practices = doc.paths['/api/solidarity/practices']?.get?.parameters.map((p) => p.name) ?? [];
    for (const key of [...shortcutKeys('practice'), 'filters', 'sort', 'fields', 'pagination']) {
      expect(practices, key).toContain(key);
    }
    const sessions = doc.paths['/api/solidarity/sessions']?.get?.parameters.map((p) => p.name) ?? [];
    expect(sessions).toContain('when');
    // the submission route documents its body (from the same zod schema) and its answers
    const post = (doc.paths['/api/solidarity/submissions'] as unknown as Record<string, { requestBody: { content: Record<string, { schema: { properties: Record<string, unknown> } }> }; responses: Record<string, unknown> }>).post;
    expect(Object.keys(post?.requestBody.content['application/json']?.schema.properties ?? {})).toEqual(
      expect.arrayContaining(['title', 'summary', 'topics', 'contact', 'consent', 'altcha'])
    );
    expect(Object.keys(post?.responses ?? {})).toEqual(expect.arrayContaining(['202', '400', '403', '409', '413', '429']));
    // the honeypot: a client generated from this document (or Swagger UI's "Try it out", which fills every
    // string property with "string") must not be able to put a schema-valid value in it and lose the fiche
    const honeypot = post?.requestBody.content['application/json']?.schema.properties.leaveThisFieldEmpty as
      | { type?: string; maxLength?: number; default?: unknown }
      | undefined;
    expect(honeypot?.type).toBe('string');
    expect(honeypot?.maxLength).toBe(0);
    expect(honeypot?.default).toBe('');
    // what a feed or calendar refuses is not offered
    const calendar = doc.paths['/api/solidarity/sessions.ics']?.get?.parameters.map((p) => p.name) ?? [];
    expect(calendar).toContain('when');
    expect(calendar).not.toContain('pageSize');
    const rss = doc.paths['/api/solidarity/feeds/practices.rss']?.get?.parameters.map((p) => p.name) ?? [];
    expect(rss).toContain('topic');
    expect(rss).not.toContain('fields');
  });

  it('answers the documented errors in the documented shape', async () => {
    const res = await request(app.url).get('/api/solidarity/sessions?when=someday').expect(400);
    expect(Object.keys(res.body).sort()).toEqual(['data', 'error']);
    expect(Object.keys(res.body.error).sort()).toEqual(['details', 'message', 'name', 'status']);
  });
});
