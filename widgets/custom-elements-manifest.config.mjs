// `npm run -w widgets manifest`: writes custom-elements.json (every tag, attribute, property,
// event, CSS part and CSS custom property, from the JSDoc of the components).

/** Private members (Lit's convention, mangled by the build): `__` prefixed, including internal reactive state (`state: true`). */
const INTERNAL = (name) => typeof name == 'string' && name.startsWith('__');
/** Inherited attributes an element does not use. */
const UNUSED = { 'solidarity-submit-practice': new Set(['page-size', 'pageSize']) };

/** Drops internal state and methods, and the generic `emit(type)` helper's pseudo-event. */
const publicOnly = () => ({
  name: 'solidarity-public-only',
  packageLinkPhase({ customElementsManifest }) {
    for (const mod of customElementsManifest.modules) {
      for (const d of mod.declarations ?? []) {
        const unused = UNUSED[d.tagName] ?? new Set();
        if (d.attributes) d.attributes = d.attributes.filter((a) => !INTERNAL(a.name) && !INTERNAL(a.fieldName) && !unused.has(a.name));
        // the public properties are the attribute-backed ones; the rest is rendering machinery
        const fields = new Set((d.attributes ?? []).map((a) => a.fieldName));
        if (d.members) d.members = d.members.filter((m) => m.kind === 'field' && fields.has(m.name));
        if (d.events) d.events = d.events.filter((e) => e.name && e.name.startsWith('solidarity-'));
      }
    }
  },
});

export default {
  globs: ['src/components/*/*.component.ts', 'src/internal/base.ts', 'src/internal/list.ts'],
  exclude: ['**/*.test.ts'],
  outdir: '.',
  litelement: true,
  dependencies: false,
  packagejson: false,
  plugins: [publicOnly()],
};
