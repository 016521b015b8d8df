/**
 * The visitor filters of <solidarity-practices> (`controls="topic,country,organisation,call,search"`),
 * in a chunk of their own (loaded only by lists that show filters), with their strings in every UI
 * locale. Options come from the API's facets (`GET /api/solidarity/facets/practices`): every topic,
 * country, organisation and call of the current filter, with its count, named in the visitor's
 * language, so a country is offered before the visitor pages to one of its practices.
 */
import { html, nothing } from '../../internal/lit.js';
import { arr } from '../../internal/util.js';
import type { SolidarityPractices } from './practices.component.js';

/** One option of a facet, as the API serves it. */
export interface FacetValue {
  value: string;
  label: string;
  count: number;
}

/** The facets answer of the practices list (`data`). */
export interface Facets {
  topics?: FacetValue[];
  countries?: FacetValue[];
  organisations?: FacetValue[];
  calls?: FacetValue[];
}

/** The select controls a visitor can get (besides `search`), with the attribute/property each one sets and its facet. */
export const SELECTS = [
  ['topic', 'topics'],
  ['country', 'countries'],
  ['organisation', 'organisations'],
  ['call', 'calls'],
] as const;
type Control = (typeof SELECTS)[number][0];

/** [label, "all" option] of each select, and the form's and search's words, per UI locale. */
type Words = Record<Control, [string, string]> & { filters: string; search: string };
const WORDS: Record<string, Words> = {
  en: { filters: 'Filters', search: 'Search', topic: ['Topic', 'All topics'], country: ['Country', 'All countries'], organisation: ['Organisation', 'All organisations'], call: ['Call for practices', 'All calls'] },
  ca: { filters: 'Filtres', search: 'Cerca', topic: ['Tema', 'Tots els temes'], country: ['País', 'Tots els països'], organisation: ['Organització', 'Totes les organitzacions'], call: ['Convocatòria', 'Totes les convocatòries'] },
  es: { filters: 'Filtros', search: 'Buscar', topic: ['Tema', 'Todos los temas'], country: ['País', 'Todos los países'], organisation: ['Organización', 'Todas las organizaciones'], call: ['Convocatoria', 'Todas las convocatorias'] },
  el: { filters: 'Φίλτρα', search: 'Αναζήτηση', topic: ['Θέμα', 'Όλα τα θέματα'], country: ['Χώρα', 'Όλες οι χώρες'], organisation: ['Οργανισμός', 'Όλοι οι οργανισμοί'], call: ['Πρόσκληση', 'Όλες οι προσκλήσεις'] },
  fr: { filters: 'Filtres', search: 'Rechercher', topic: ['Thème', 'Tous les thèmes'], country: ['Pays', 'Tous les pays'], organisation: ['Organisation', 'Toutes les organisations'], call: ['Appel', 'Tous les appels'] },
};

/** The words of UI locale `l` (English when it has none). */
export const words = (l: string): Words => WORDS[l] ?? WORDS.en;

/** "Greece (3)": an option's label with its count, the number formatted for locale `l`. */
export const optionText = (o: FacetValue, l: string): string => `${o.label} (${Number(o.count).toLocaleString(l)})`;

/** Loads the facets of `host`'s current filter into `host.__facets` (the previous load is aborted). */
export const load = (host: SolidarityPractices): void => {
  host.__facetsAbort?.abort();
  const controller = (host.__facetsAbort = new AbortController());
  const { q, topic, country, organisation } = host;
  host
    .__fetch<{ data: Facets }>('/facets/practices', { q, topic, country, organisation, call: host.call, criteria: host.criteria }, controller.signal)
    .then(
      (b) => controller.signal.aborted || (host.__facets = b.data && typeof b.data == 'object' ? b.data : {}),
      () => {} // the filters then offer "All ..." and the current choice only
    );
};

/** The filter form of `host` for the controls `c` (attribute words). */
export const render = (host: SolidarityPractices, c: string[]): unknown => {
  const l = host.__uiLocale,
    w = words(l),
    f = host.__facets ?? {};
  const select = ([k, facet]: (typeof SELECTS)[number]) => {
    const current = host[k] ?? '',
      options = arr<FacetValue>(f[facet]).filter((o) => o && typeof o.value == 'string');
    // the current choice stays offered even when the other filters leave it no practice
    const missing = current && !options.some((o) => o.value.toLowerCase() == current.toLowerCase());
    return html`<label part="label">${w[k][0]}
      <select part="select" name=${k} @change=${(e: Event) => (host[k] = (e.target as HTMLSelectElement).value || null)}>
        <option value="">${w[k][1]}</option>
        ${missing ? html`<option value=${current} selected>${current}</option>` : nothing}
        ${options.map((o) => html`<option value=${o.value} ?selected=${o.value.toLowerCase() == current.toLowerCase()}>${optionText(o, l)}</option>`)}
      </select></label>`;
  };
  return html`<form class="row controls" part="controls" role="search" aria-label=${w.filters}
    @submit=${(e: Event) => (e.preventDefault(), (host.q = (e.target as HTMLFormElement).q.value.trim() || null))}>
    ${SELECTS.filter(([k]) => c.includes(k)).map(select)}
    ${c.includes('search')
      ? html`<span class="row"><label part="label">${w.search} <input part="input" type="search" name="q" .value=${host.q ?? ''} /></label>
          <button part="button search">${w.search}</button></span>`
      : nothing}
  </form>`;
};
