import request from 'supertest';

/**
 * A client of Strapi's Content Manager admin API that sends exactly what the
 * admin panel sends (node_modules/@strapi/content-manager/dist/admin/services/documents.js):
 * the locale as a query parameter (`?locale=el`; Strapi's i18n middleware copies
 * it into the body of POST and PUT requests), the form's data as the body of
 * create, update and publish, and `{ documentIds }` for the bulk actions.
 *
 * Every call resolves to the HTTP answer with `ms`, the wall-clock time it took.
 */
export interface CmAnswer {
  status: number;
  body: Record<string, unknown>;
  text: string;
  /** milliseconds from sending the request to the end of the answer */
  ms: number;
}

export interface ContentManagerClient {
  create(uid: string, locale: string, data: Record<string, unknown>): Promise<CmAnswer>;
  findOne(uid: string, documentId: string, locale: string): Promise<CmAnswer>;
  update(uid: string, documentId: string, locale: string, data: Record<string, unknown>): Promise<CmAnswer>;
  publish(uid: string, documentId: string, locale: string, data: Record<string, unknown>): Promise<CmAnswer>;
  /** creates a document and publishes it in one request (Publish on a new entry) */
  publishNew(uid: string, locale: string, data: Record<string, unknown>): Promise<CmAnswer>;
  unpublish(uid: string, documentId: string, locale: string): Promise<CmAnswer>;
  discard(uid: string, documentId: string, locale: string): Promise<CmAnswer>;
  bulkPublish(uid: string, documentIds: string[], locale: string): Promise<CmAnswer>;
  bulkUnpublish(uid: string, documentIds: string[], locale: string): Promise<CmAnswer>;
  bulkDelete(uid: string, documentIds: string[], locale: string): Promise<CmAnswer>;
  delete(uid: string, documentId: string, locale: string): Promise<CmAnswer>;
}

const CM = '/content-manager/collection-types';

/** Logs in as the panel does (`POST /admin/login`) and returns its JWT. */
export const adminLogin = async (url: string, email: string, password: string): Promise<string> => {
  const res = await request(url).post('/admin/login').send({ email, password });
  if (res.status !== 200) throw new Error(`admin login failed: ${res.status} ${res.text}`);
  return (res.body as { data: { token: string } }).data.token;
};

/** A Content Manager client for the app at `url`, authenticated with an admin JWT. */
export const contentManager = (url: string, token: string): ContentManagerClient => {
  const timed = async (req: request.Test): Promise<CmAnswer> => {
    const started = performance.now();
    const res = await req.set('Authorization', `Bearer ${token}`);
    return {
      status: res.status,
      body: (res.body ?? {}) as Record<string, unknown>,
      text: res.text,
      ms: Math.round(performance.now() - started),
    };
  };
  const path = (uid: string, rest = '') => `${CM}/${uid}${rest}`;
  return {
    create: (uid, locale, data) => timed(request(url).post(path(uid)).query({ locale }).send(data)),
    findOne: (uid, documentId, locale) => timed(request(url).get(path(uid, `/${documentId}`)).query({ locale })),
    update: (uid, documentId, locale, data) =>
      timed(request(url).put(path(uid, `/${documentId}`)).query({ locale }).send(data)),
    publish: (uid, documentId, locale, data) =>
      timed(request(url).post(path(uid, `/${documentId}/actions/publish`)).query({ locale }).send(data)),
    publishNew: (uid, locale, data) => timed(request(url).post(path(uid, '/actions/publish')).query({ locale }).send(data)),
    unpublish: (uid, documentId, locale) =>
      timed(request(url).post(path(uid, `/${documentId}/actions/unpublish`)).query({ locale }).send({})),
    discard: (uid, documentId, locale) =>
      timed(request(url).post(path(uid, `/${documentId}/actions/discard`)).query({ locale })),
    bulkPublish: (uid, documentIds, locale) =>
      timed(request(url).post(path(uid, '/actions/bulkPublish')).query({ locale }).send({ documentIds })),
    bulkUnpublish: (uid, documentIds, locale) =>
      timed(request(url).post(path(uid, '/actions/bulkUnpublish')).query({ locale }).send({ documentIds })),
    bulkDelete: (uid, documentIds, locale) =>
      timed(request(url).post(path(uid, '/actions/bulkDelete')).query({ locale }).send({ documentIds })),
    delete: (uid, documentId, locale) => timed(request(url).delete(path(uid, `/${documentId}`)).query({ locale })),
  };
};
