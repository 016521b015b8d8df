import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { escapeHtml } from '../../feeds/blocks';
import { publicOrigin } from '../../http/origin';
import { getService } from '../../services/get-service';
import { completionKey, normalizeOrigin, submissionsConfig } from '../config';
import { FICHE_TEXT_MAX } from '../../../../../cms/shared/fiche';
import { ficheWords, type FicheWords } from '../../../../../cms/shared/fiche-labels';
import type { FormField } from './fields';
import { checkNonce, formNonce } from './token';
import { longDate, pageTexts, type LinkRefusal, type PageTexts } from './texts';
import { isEmpty, postedBody, readForm, rowsNotShown, rowsToShow, type FormValues, type InputProblem } from './values';

/**
 * The contact's completion page, `GET|POST /complete/<credential>` (./token.ts): server-rendered
 * HTML, no script, in the link's language. Never framed (`frame-ancestors 'none'`, X-Frame-Options
 * DENY), never cached nor indexed, no referrer. A refused link gets a page that names why (expired,
 * revoked, already sent, not valid) and nothing of the practice, with 404 (unknown or altered) or
 * 410 (expired, revoked, completed); a form with problems comes back with them (400); a post
 * without the page's own anti-forgery value, or from another origin, is refused (403).
 */

/** How long a shown form may be posted back (its anti-forgery value's lifetime). */
const FORM_MAX_AGE_MS = 24 * 3600_000;

const CSP = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

const STYLE = `body{font:16px/1.5 system-ui,sans-serif;margin:0;background:#f6f6f9;color:#32324d}
main{max-width:46rem;margin:0 auto;padding:1.5rem}h1{font-size:1.6rem}fieldset{border:1px solid #dcdce4;border-radius:4px;margin:0 0 1rem;padding:.75rem 1rem;background:#fff}
legend,label{font-weight:600}label{display:block;margin:.5rem 0 .25rem}textarea,input,select{box-sizing:border-box;width:100%;font:inherit;padding:.4rem;border:1px solid #8e8ea9;border-radius:4px}
textarea{min-height:7rem}.missing{color:#b72b1a;font-weight:400;font-size:.9em;margin-left:.5em}.row{display:grid;grid-template-columns:repeat(auto-fit,minmax(10rem,1fr));gap:.5rem;border-top:1px dashed #dcdce4;padding-top:.5rem;margin-top:.5rem}
.problem{color:#b72b1a}.notice{background:#eafbe7;border:1px solid #5cb176;padding:.5rem 1rem;border-radius:4px}.errors{background:#fcecea;border:1px solid #d02b20;padding:.5rem 1rem;border-radius:4px}
button{font:inherit;padding:.6rem 1.2rem;border-radius:4px;border:1px solid #4945ff;background:#fff;color:#4945ff;margin:.25rem .5rem .25rem 0;cursor:pointer}button.send{background:#4945ff;color:#fff}.hint{color:#666687;font-size:.9em}`;

const e = escapeHtml;

/**
 * The headers of every completion page: never cached, framed, indexed nor readable by another origin
 * (no `Access-Control-Allow-Origin`, `Cross-Origin-Resource-Policy: same-origin`, whatever the app's
 * CORS and helmet defaults for public reads say).
 */
export const pageHeaders = (ctx: Context) => {
  ctx.remove('Access-Control-Allow-Origin');
  ctx.remove('Access-Control-Expose-Headers');
  ctx.set('Cross-Origin-Resource-Policy', 'same-origin');
  ctx.set('Cache-Control', 'no-store');
  ctx.set('Referrer-Policy', 'no-referrer');
  ctx.set('X-Robots-Tag', 'noindex, nofollow');
  ctx.set('X-Frame-Options', 'DENY');
  ctx.set('Content-Security-Policy', CSP);
  ctx.type = 'text/html; charset=utf-8';
};

const document = (lang: string, title: string, main: string): string =>
  `<!doctype html><html lang="${e(lang)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">` +
  `<meta name="robots" content="noindex,nofollow"><meta name="referrer" content="no-referrer"><title>${e(title)}</title><style>${STYLE}</style></head>` +
  `<body><main>${main}</main></body></html>`;

/** The page of a refused link: why, what to do; nothing of the practice. */
export const refusalPage = (refusal: LinkRefusal, locale: string | null): string => {
  const t = pageTexts(locale);
  const { title, text } = t.refusal[refusal];
  return document(t.lang, title, `<h1>${e(title)}</h1><p>${e(text)}</p>`);
};

const REFUSAL_STATUS: Record<LinkRefusal, number> = { invalid: 404, expired: 410, revoked: 410, completed: 410, forged: 403 };

/** A field's heading: the fiche's words (cms/shared/fiche-labels.ts), else the synthesis' (./texts.ts), else its key. */
const labelOf = (t: PageTexts, key: string) => (ficheWords(t.lang).label as Record<string, string | undefined>)[key] ?? t.fields[key] ?? key;
/** The question the form asks for a fiche field (none for the synthesis' fields). */
const questionOf = (t: PageTexts, key: string) => (ficheWords(t.lang).question as Record<string, string | undefined>)[key];
const partLabel = (t: PageTexts, field: string, part: string) =>
  part === 'url' ? t.linkUrl : field === 'links' && part === 'label' ? t.linkLabel : ((ficheWords(t.lang).parts as Record<string, string | undefined>)[part] ?? part);

const fieldHtml = (t: PageTexts, f: FormField, value: FormValues[string] | undefined, problems: InputProblem[]): string => {
  const name = `f-${f.key}`;
  const id = name;
  const missing = isEmpty(value) && f.wanted ? `<span class="missing">(${e(t.missing)})</span>` : '';
  const own = problems.filter((p) => p.field === f.key);
  const question = questionOf(t, f.key);
  const hint = question ? `<p class="hint">${e(question)}</p>` : '';
  const problemHtml = own.length ? own.map((p) => `<div class="problem" role="alert">${e(p.message)}</div>`).join('') : '';
  if (f.kind === 'component') {
    const rows = rowsToShow(value);
    const rowHtml = rows
      .map((row, i) =>
        `<div class="row">${(f.parts ?? [])
          .map((p) => {
            const input = `${name}-${i}-${p.key}`;
            const inputId = input;
            const label = partLabel(t, f.key, p.key);
            const v = row[p.key] ?? '';
            const type = p.kind === 'url' ? 'url' : 'text';
            const control =
              p.kind === 'text'
                ? `<textarea id="${e(inputId)}" name="${e(input)}" maxlength="${p.maxLength ?? 1000}">${e(v)}</textarea>`
                : `<input id="${e(inputId)}" name="${e(input)}" type="${type}" value="${e(v)}"${p.maxLength ? ` maxlength="${p.maxLength}"` : ''}${p.kind === 'number' ? ' inputmode="decimal"' : ''}>`;
            return `<div><label for="${e(inputId)}">${e(label)}</label>${control}</div>`;
          })
          .join('')}</div>`
      )
      .join('');
    return `<fieldset><legend>${e(labelOf(t, f.key))}${missing}</legend>${hint}${problemHtml}${rowHtml}</fieldset>`;
  }
  const v = typeof value === 'string' ? value : '';
  const label = `<label for="${id}">${e(labelOf(t, f.key))}${missing}</label>`;
  let control: string;
  if (f.kind === 'date') control = `<input id="${id}" name="${name}" type="date" value="${e(v)}">`;
  else if (f.kind === 'enum') {
    const options = (f.values ?? []).map((o) => {
      const text = f.key === 'budgetRange' ? budgetLabel(ficheWords(t.lang), o) : o;
      return `<option value="${e(o)}"${o === v ? ' selected' : ''}>${e(text)}</option>`;
    });
    control = `<select id="${id}" name="${name}"><option value="">—</option>${options.join('')}</select>`;
  } else {
    control = `<textarea id="${id}" name="${name}" maxlength="${f.maxLength || FICHE_TEXT_MAX}"${f.kind === 'richtext' ? ' rows="12"' : ''}>${e(v)}</textarea>`;
  }
  return `<fieldset>${label}${hint}${problemHtml}${control}</fieldset>`;
};

/** A budget range in words (cms/shared/fiche-labels.ts; a range without words shows as its code). */
const budgetLabel = (words: FicheWords, value: string): string => (words.budget as Record<string, string | undefined>)[value] ?? value;

/** The form page: the fiche as it stands (or as posted, with problems), and the two actions. */
export const formPage = (p: {
  locale: string;
  title: string;
  network: string;
  expiresAt: Date;
  fields: readonly FormField[];
  values: FormValues;
  problems: InputProblem[];
  notice: string | null;
  action: string;
  nonce: string;
}): string => {
  const t = pageTexts(p.locale);
  const problems = p.problems.length
    ? `<div class="errors" role="alert"><p>${e(t.problems)}</p><ul>${p.problems
        .map((x) => `<li><a href="#${e(x.name)}">${e(labelOf(t, x.field))}</a>: ${e(x.message)}</li>`)
        .join('')}</ul></div>`
    : '';
  const notice = p.notice ? `<p class="notice" role="status">${e(p.notice)}</p>` : '';
  const main =
    `<h1>${e(t.title)}</h1><p>${e(t.intro(p.title, p.network))}</p><p class="hint">${e(t.until(longDate(p.locale, p.expiresAt)))}</p>` +
    `${notice}${problems}<form method="post" action="${e(p.action)}" accept-charset="utf-8">` +
    `<input type="hidden" name="nonce" value="${e(p.nonce)}">` +
    p.fields.map((f) => fieldHtml(t, f, p.values[f.key], p.problems)).join('') +
    `<p><button type="submit" name="intent" value="save">${e(t.save)}</button>` +
    `<button type="submit" name="intent" value="send" class="send">${e(t.send)}</button></p><p class="hint">${e(t.sendHint)}</p></form>`;
  return document(t.lang, `${t.title} — ${p.title}`, main);
};

/** The page after "send it to the network". */
export const donePage = (locale: string, network: string): string => {
  const t = pageTexts(locale);
  return document(t.lang, t.doneTitle, `<h1>${e(t.doneTitle)}</h1><p>${e(t.done(network))}</p>`);
};

/** Mounts `GET` and `POST /complete/:credential` (public, outside /api: a page, not an API answer). */
export const registerCompletionPages = (strapi: Core.Strapi) => {
  const completion = () => getService(strapi, 'completion');
  const network = () => String(strapi.plugin('solidarity').config('networkName') ?? 'Solidarity Commons');
  const key = () => completionKey(strapi, submissionsConfig(strapi));

  const refuse = (ctx: Context, refusal: LinkRefusal, locale: string | null) => {
    pageHeaders(ctx);
    ctx.status = REFUSAL_STATUS[refusal];
    ctx.body = refusalPage(refusal, locale);
  };

  const show = (ctx: Context, opened: Extract<Awaited<ReturnType<ReturnType<typeof completion>['open']>>, { ok: true }>, values: FormValues, problems: InputProblem[], notice: string | null) => {
    pageHeaders(ctx);
    ctx.body = formPage({
      locale: opened.link.practiceLocale,
      title: opened.draft.title,
      network: network(),
      expiresAt: new Date(opened.link.expiresAt),
      fields: opened.fields,
      values,
      problems,
      notice,
      action: `${completion().path}/${String(ctx.params.credential)}`,
      nonce: formNonce(key(), opened.tokenHash, Date.now()),
    });
  };

  const get = async (ctx: Context) => {
    const opened = await completion().open(String(ctx.params.credential ?? ''));
    if (!opened.ok) return refuse(ctx, opened.refusal, opened.locale);
    ctx.status = 200;
    show(ctx, opened, opened.values, [], null);
    return undefined;
  };

  const post = async (ctx: Context) => {
    const opened = await completion().open(String(ctx.params.credential ?? ''));
    if (!opened.ok) return refuse(ctx, opened.refusal, opened.locale);
    const locale = opened.link.practiceLocale;
    // A browser's form post names its origin (or `null` under no-referrer): another site's is refused.
    const origin = ctx.get('Origin');
    // the app's public origin (PUBLIC_URL / server.url, else the request's): the page's own, behind a proxy too
    if (origin && origin !== 'null' && normalizeOrigin(origin) !== normalizeOrigin(publicOrigin(strapi, ctx))) {
      return refuse(ctx, 'forged', locale);
    }
    const raw: unknown = 'body' in ctx.request ? ctx.request.body : undefined;
    const parsed = postedBody.safeParse(raw ?? {});
    if (!parsed.success || !ctx.is('application/x-www-form-urlencoded', 'multipart/form-data')) {
      pageHeaders(ctx);
      ctx.status = 400;
      ctx.body = refusalPage('forged', locale);
      return undefined;
    }
    const body = parsed.data;
    if (!checkNonce(key(), opened.tokenHash, body.nonce, Date.now(), FORM_MAX_AGE_MS)) return refuse(ctx, 'forged', locale);
    // a row the page did not show (`f-figures-10-label` for a list of 3): refused whole, nothing saved
    if (rowsNotShown(opened.fields, body, opened.values).length) {
      pageHeaders(ctx);
      ctx.status = 400;
      ctx.body = refusalPage('forged', locale);
      return undefined;
    }
    const intent = body.intent === 'send' ? 'send' : 'save';
    const t = pageTexts(locale);
    const { values, problems } = readForm(opened.fields, body, t, completion().requiredKeys(), opened.values);
    if (problems.length) {
      ctx.status = 400;
      show(ctx, opened, values, problems, null);
      return undefined;
    }
    const saved = await completion().save(opened, values, intent === 'send');
    if (!saved.ok) return refuse(ctx, saved.refusal, locale);
    if (intent === 'send') {
      pageHeaders(ctx);
      ctx.status = 200;
      ctx.body = donePage(locale, network());
      return undefined;
    }
    ctx.status = 200;
    show(ctx, opened, values, [], saved.changed.length ? t.saved : t.unchanged);
    return undefined;
  };

  const open = { auth: false as const };
  strapi.server.routes([
    { method: 'GET', path: `${completion().path}/:credential`, handler: get, config: open },
    { method: 'POST', path: `${completion().path}/:credential`, handler: post, config: open },
  ]);
};
