/**
 * The rich-text renderer (blocks.ts) for <solidarity-sessions>, which imports this module only when a
 * session it loaded has a description or minutes (src/components/sessions/sessions.component.ts): its
 * own build then leaves the renderer out of the page's first chunk (about 0.3 KB gzip). In the builds
 * with a shared chunk this module is in it (rollup.config.mjs SHARED), so importing it costs no request.
 */
export { blocks } from './blocks.js';
