import { open as unguarded, type PublicRoute } from '../http/routes';

/**
 * The guard also runs as a route-level middleware: whatever spelling of the
 * path the router matched (case, trailing slash), the request was checked.
 */
const open = { ...unguarded, middlewares: ['plugin::solidarity.submissions-guard'] };

/**
 * Public submission routes. CORS, origin, content type and size are handled
 * before Strapi's stack by submissions/guard.ts (registered in register.ts),
 * on the path folded as the router matches it.
 */
export const submissionRoutes: PublicRoute[] = [
  {
    method: 'GET',
    path: '/submissions/challenge',
    handler: 'submissions.challenge',
    config: open,
    info: { summary: 'An ALTCHA proof-of-work challenge for the submission form' },
    rejects: [],
  },
  {
    method: 'GET',
    path: '/submissions/origin-check',
    handler: 'submissions.originCheck',
    // not guarded: it answers any origin, about that origin only
    config: unguarded,
    info: { summary: 'Whether the calling page (its Origin header) may send submissions: { data: { allowed } }' },
    rejects: [],
  },
  {
    method: 'POST',
    path: '/submissions',
    handler: 'submissions.create',
    config: open,
    info: { summary: 'Send a good practice for review (202; stored as an unpublished draft)' },
    rejects: [],
  },
];
