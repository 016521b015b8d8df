/**
 * The four read widgets in one chunk (chunks/all-read-*.js, rollup.config.mjs's second components
 * build, with the shared client): the loader imports it instead of the shared chunk and one chunk per
 * widget when a page has enough read widgets at load for the one file to be smaller (each chunk
 * compresses on its own: four widget chunks and the shared one cost about 1.2 KB gzip more than the
 * same code in one file). Every widget is defined, as its own chunk would.
 */
import './components/practices/practices.js';
import './components/practice/practice.js';
import './components/sessions/sessions.js';
import './components/statements/statements.js';
