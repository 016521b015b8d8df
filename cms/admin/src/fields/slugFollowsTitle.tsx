import * as React from 'react';
import { unstable_useContentManagerContext as useContentManagerContext, useFetchClient, useForm, useQueryParams } from '@strapi/strapi/admin';

/**
 * Makes a `uid` field follow its `targetField` while an editor writes a new document (or a new locale
 * of one), as Strapi's `uid` with `targetField` promises: type the title, the slug becomes its slug.
 *
 * Why this exists: Strapi 5.54's own UID input ignores `targetField`. For a required uid it asks the
 * server for a default once, on mount, while the title is still empty, and the server's fallback for an
 * empty target is the content-type's name (`practice`, then `practice-1`...); after that it never asks
 * again unless the editor clicks "Regenerate" (strapi/strapi#21472, fix proposed in #27229). This runs
 * next to Strapi's input, in the edit view's form, and leaves that input as it is.
 *
 * The rule (the one of Strapi's proposed fix): a slug follows its target field while it is empty or
 * was filled automatically (Strapi's default, or by this hook); once the editor types in it or clicks
 * "Regenerate", it is theirs. A document that already has a slug in this locale keeps it, so a saved
 * page's address never changes behind the editor's back. Top-level uid fields only.
 *
 * Registered as an edit-view side panel that renders nothing: side panels are the Content Manager's
 * public extension point rendered inside the edit view's form, on wide and narrow screens.
 */
export const SlugFollowsTitle = (): null => {
  const { contentType, model, id } = useContentManagerContext();
  const values = useForm('SlugFollowsTitle', (state) => state.values) as Record<string, unknown>;
  const onChange = useForm('SlugFollowsTitle', (state) => state.onChange);
  const { post } = useFetchClient();
  const [{ query }] = useQueryParams<{ plugins?: { i18n?: { locale?: string } } }>();
  const locale = query.plugins?.i18n?.locale;

  const fields = React.useMemo(
    () =>
      Object.entries((contentType?.attributes ?? {}) as Record<string, { type?: string; targetField?: string }>)
        .filter(([, attribute]) => attribute.type === 'uid' && typeof attribute.targetField === 'string')
        .map(([name, attribute]) => ({ name, target: attribute.targetField as string })),
    [contentType]
  );

  // Per uid field: does it still follow its target, the value it had at the last render, the value set here.
  const state = React.useRef<Record<string, { follows: boolean; seen: unknown; setHere?: string; request: number }>>({});
  const valuesRef = React.useRef(values);
  valuesRef.current = values;

  for (const { name } of fields) {
    const slug = values[name];
    const s = (state.current[name] ??= { follows: slug === undefined || slug === null || slug === '', seen: slug, request: 0 });
    if (slug !== s.seen) {
      const wasEmpty = s.seen === undefined || s.seen === null || s.seen === '';
      // Filled from empty (Strapi's default) or by this hook: still automatic. Anything else: the editor's.
      if (!wasEmpty && slug !== s.setHere) s.follows = false;
      s.seen = slug;
    }
  }

  const targets = fields.map(({ target }) => (typeof values[target] === 'string' ? (values[target] as string).trim() : ''));
  const [debounced, setDebounced] = React.useState<string[]>(targets);
  const targetsKey = JSON.stringify(targets);
  React.useEffect(() => {
    const timer = window.setTimeout(() => setDebounced(JSON.parse(targetsKey) as string[]), 300);
    return () => window.clearTimeout(timer);
  }, [targetsKey]);

  const debouncedKey = JSON.stringify(debounced);
  React.useEffect(() => {
    fields.forEach(({ name }, i) => {
      const s = state.current[name];
      const text = debounced[i];
      if (!s?.follows || !text) return;
      s.request += 1;
      const request = s.request;
      post<{ data: string }>(
        '/content-manager/uid/generate',
        { contentTypeUID: model, field: name, data: { ...valuesRef.current, id: id && id !== 'create' ? id : '' } },
        { params: locale ? { locale } : {} }
      )
        .then(({ data }) => {
          // A newer title, or the editor took the slug over, while this was on its way: drop it.
          if (request !== s.request || !s.follows || typeof data?.data !== 'string') return;
          s.setHere = data.data;
          onChange(name, data.data);
        })
        .catch(() => {
          // The input's own "Regenerate" still works; nothing to tell the editor here.
        });
    });
    // Only a new (debounced) title asks for a new slug (the other values are read through valuesRef).
  }, [debouncedKey, fields]);

  return null;
};
