#!/usr/bin/env node
// Translations of the WordPress plugin (integrations/wordpress/solidarity-commons), from one source:
// tools/translations.json, `{ "<English msgid>": { "ca": "...", "es": "...", "el": "...", "fr": "..." } }`.
//
//   node integrations/wordpress/tools/build-l10n.mjs          writes languages/*.pot, *.po, *.mo, *.json
//   node integrations/wordpress/tools/build-l10n.mjs --check  exits 1 if a string of the plugin has no
//                                                             translation or a written file is stale
//
// The strings are those of the plugin's PHP and JavaScript calls `__( '…', 'solidarity-commons' )`
// (and esc_html__, esc_attr__, _e, esc_html_e). PHP reads the .mo files (GNU gettext's binary
// format, written here so that no gettext install is needed); the block editor reads the JSON files
// (Jed 1.x locale data) that wp_set_script_translations() finds as
// `solidarity-commons-<locale>-solidarity-commons-editor.json`.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const PLUGIN = path.resolve(HERE, '..', 'solidarity-commons');
const LANGUAGES = path.join(PLUGIN, 'languages');
const DOMAIN = 'solidarity-commons';
const EDITOR_HANDLE = 'solidarity-commons-editor';
/** Our language codes → WordPress's locales. */
const LOCALES = { ca: 'ca', es: 'es_ES', el: 'el', fr: 'fr_FR' };
const PLURAL_FORMS = 'nplurals=2; plural=(n != 1);';

const CALL = /\b(?:__|esc_html__|esc_attr__|_e|esc_html_e)\(\s*(?:\/\*[^*]*\*\/\s*)?'((?:[^'\\]|\\.)*)'\s*,\s*'solidarity-commons'\s*\)/g;

const walk = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? walk(p) : [p];
  });

/** msgid → source files (relative), for PHP and for the editor script separately. */
const extract = () => {
  const php = new Map();
  const js = new Map();
  for (const file of walk(PLUGIN).sort()) {
    const ext = path.extname(file);
    if (ext !== '.php' && ext !== '.js') continue;
    const rel = path.relative(PLUGIN, file);
    for (const m of readFileSync(file, 'utf8').matchAll(CALL)) {
      const id = m[1].replace(/\\(.)/g, '$1');
      const into = ext === '.js' ? js : php;
      into.set(id, [...new Set([...(into.get(id) ?? []), rel])]);
    }
  }
  return { php, js };
};

const poString = (s) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;

const poFile = (entries, header) =>
  [
    `msgid ""`,
    `msgstr ""`,
    ...Object.entries(header).map(([k, v]) => poString(`${k}: ${v}\n`)),
    '',
    ...entries.flatMap(([id, files, str]) => [`#: ${files.join(' ')}`, `msgid ${poString(id)}`, `msgstr ${poString(str)}`, '']),
  ].join('\n');

/** GNU MO (little-endian, no hash table): https://www.gnu.org/software/gettext/manual/html_node/MO-Files.html */
const moFile = (pairs) => {
  const sorted = [...pairs].sort(([a], [b]) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
  const n = sorted.length;
  const ids = sorted.map(([k]) => Buffer.from(k, 'utf8'));
  const strs = sorted.map(([, v]) => Buffer.from(v, 'utf8'));
  const headerSize = 28;
  const tables = 16 * n;
  let offset = headerSize + tables;
  const head = Buffer.alloc(headerSize + tables);
  head.writeUInt32LE(0x950412de, 0);
  head.writeUInt32LE(0, 4);
  head.writeUInt32LE(n, 8);
  head.writeUInt32LE(headerSize, 12);
  head.writeUInt32LE(headerSize + 8 * n, 16);
  head.writeUInt32LE(0, 20);
  head.writeUInt32LE(headerSize + tables, 24);
  const body = [];
  ids.forEach((b, i) => {
    head.writeUInt32LE(b.length, headerSize + 8 * i);
    head.writeUInt32LE(offset, headerSize + 8 * i + 4);
    body.push(b, Buffer.from([0]));
    offset += b.length + 1;
  });
  strs.forEach((b, i) => {
    head.writeUInt32LE(b.length, headerSize + 8 * n + 8 * i);
    head.writeUInt32LE(offset, headerSize + 8 * n + 8 * i + 4);
    body.push(b, Buffer.from([0]));
    offset += b.length + 1;
  });
  return Buffer.concat([head, ...body]);
};

/** Every file of languages/ as it should be, and the strings lacking a translation. */
export const build = () => {
  const source = JSON.parse(readFileSync(path.join(HERE, 'translations.json'), 'utf8'));
  const { php, js } = extract();
  const all = new Map([...php]);
  for (const [id, files] of js) all.set(id, [...new Set([...(all.get(id) ?? []), ...files])]);
  const ids = [...all.keys()].sort();
  const missing = [];
  for (const id of ids) for (const lang of Object.keys(LOCALES)) if (!source[id]?.[lang]) missing.push(`${lang}: ${id}`);
  const unused = Object.keys(source).filter((id) => !all.has(id));

  const files = new Map();
  const baseHeader = {
    'Project-Id-Version': 'Solidarity Commons (WordPress plugin)',
    'MIME-Version': '1.0',
    'Content-Type': 'text/plain; charset=UTF-8',
    'Content-Transfer-Encoding': '8bit',
    'X-Domain': DOMAIN,
  };
  files.set(`${DOMAIN}.pot`, Buffer.from(poFile(ids.map((id) => [id, all.get(id), '']), baseHeader)));
  for (const [lang, wpLocale] of Object.entries(LOCALES)) {
    const header = { ...baseHeader, Language: wpLocale, 'Plural-Forms': PLURAL_FORMS };
    const tr = (id) => source[id]?.[lang] ?? '';
    files.set(`${DOMAIN}-${wpLocale}.po`, Buffer.from(poFile(ids.map((id) => [id, all.get(id), tr(id)]), header)));
    const headerText = Object.entries(header).map(([k, v]) => `${k}: ${v}\n`).join('');
    files.set(`${DOMAIN}-${wpLocale}.mo`, moFile([['', headerText], ...ids.filter(tr).map((id) => [id, tr(id)])]));
    const messages = { '': { domain: 'messages', lang: wpLocale, 'plural-forms': PLURAL_FORMS } };
    for (const id of [...js.keys()].sort()) if (tr(id)) messages[id] = [tr(id)];
    const jed = { domain: 'messages', locale_data: { messages } };
    files.set(`${DOMAIN}-${wpLocale}-${EDITOR_HANDLE}.json`, Buffer.from(`${JSON.stringify(jed)}\n`));
  }
  return { files, missing, unused };
};

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { files, missing, unused } = build();
  const check = process.argv.includes('--check');
  const problems = missing.map((m) => `no translation: ${m}`);
  if (unused.length) console.warn(`translations.json has strings the plugin no longer uses:\n  ${unused.join('\n  ')}`);
  for (const [name, content] of files) {
    const target = path.join(LANGUAGES, name);
    if (check) {
      let current = null;
      try {
        current = readFileSync(target);
      } catch {
        // missing
      }
      if (!current || !current.equals(content)) problems.push(`stale or missing: languages/${name} (run node integrations/wordpress/tools/build-l10n.mjs)`);
    } else {
      writeFileSync(target, content);
    }
  }
  if (problems.length) {
    console.error(problems.join('\n'));
    process.exit(1);
  }
  console.log(check ? 'WordPress plugin translations are complete and up to date.' : `wrote ${files.size} files to ${path.relative(process.cwd(), LANGUAGES)}`);
}
