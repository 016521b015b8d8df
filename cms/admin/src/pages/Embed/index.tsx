import * as React from 'react';
import {
  Box,
  Button,
  Checkbox,
  Field,
  Flex,
  Grid,
  IconButton,
  Link as DSLink,
  Loader,
  NumberInput,
  SingleSelect,
  SingleSelectOption,
  TextInput,
  Typography,
} from '@strapi/design-system';
import { Cross, Duplicate } from '@strapi/icons';
import { Layouts, Page, useDebounce, useFetchClient, useNotification } from '@strapi/strapi/admin';
import { loadWidgetBundle, type BundleState } from '../../embed/bundle';
import {
  PRACTICE_CONTROLS,
  PRACTICE_CRITERIA,
  SESSION_KINDS,
  STATEMENT_KINDS,
  WIDGETS,
  WIDGET_FILTERS,
  WIDGET_TAG,
  clampPageSize,
  feedLinks,
  invalidThemeKeys,
  isHttpUrl,
  isListWidget,
  snippetHtml,
  widgetAttributes,
  type EmbedSettings,
  type FeedLink,
  type Theme,
  type WidgetName,
} from '../../embed/snippet';
import { PERMISSIONS } from '../../pluginId';
import { copyText } from '../../utils/clipboard';
import { backendUrl, publicGet } from '../../utils/publicApi';
import { useT } from '../../utils/useT';

interface EmbedConfig {
  publicUrl: string;
  locales: { code: string; name: string; isDefault: boolean }[];
  defaultLocale: string;
}

interface Named {
  slug: string;
  name?: string;
  title?: string;
  country?: string | null;
}

const NONE = '__none__';

const INITIAL: EmbedSettings = {
  widget: 'practices',
  locale: '',
  layout: 'list',
  pageSize: 10,
  when: 'upcoming',
  controls: [],
  theme: {},
};

/** Labels of the fixed vocabularies (widgets, kinds, criteria, controls). */
const useLabels = () => {
  const { t } = useT();
  const widget = (w: WidgetName) =>
    ({
      practices: t('embed.widget.practices', 'Good practices (list)'),
      practice: t('embed.widget.practice', 'One good practice'),
      sessions: t('embed.widget.sessions', 'Online sessions'),
      statements: t('embed.widget.statements', 'Statements'),
      submit: t('embed.widget.submit', 'Submission form'),
    })[w];
  const kind = (k: string) =>
    ({
      webinar: t('embed.kind.webinar', 'Webinar'),
      'peer-review': t('embed.kind.peer-review', 'Peer review'),
      seminar: t('embed.kind.seminar', 'Seminar'),
      workshop: t('embed.kind.workshop', 'Workshop'),
      assembly: t('embed.kind.assembly', 'Assembly'),
      'sector-statement': t('embed.kind.sector-statement', 'Sector statement'),
      'policy-reaction': t('embed.kind.policy-reaction', 'Policy reaction'),
      'open-call': t('embed.kind.open-call', 'Open call'),
      'position-paper': t('embed.kind.position-paper', 'Position paper'),
      'press-release': t('embed.kind.press-release', 'Press release'),
    })[k] ?? k;
  const criteria = (c: string) =>
    ({
      'crisis-response': t('embed.criteria.crisis-response', 'Crisis response'),
      'inter-cooperation': t('embed.criteria.inter-cooperation', 'Inter-cooperation'),
      'public-procurement': t('embed.criteria.public-procurement', 'Public procurement'),
      youth: t('embed.criteria.youth', 'Youth'),
      'ecological-transition': t('embed.criteria.ecological-transition', 'Ecological transition'),
      'feminist-perspective': t('embed.criteria.feminist-perspective', 'Feminist perspective'),
    })[c] ?? c;
  const control = (c: string) =>
    ({
      topic: t('embed.control.topic', 'Topic filter'),
      country: t('embed.control.country', 'Country filter'),
      organisation: t('embed.control.organisation', 'Organisation filter'),
      call: t('embed.control.call', 'Call filter'),
      search: t('embed.control.search', 'Search box'),
    })[c] ?? c;
  const feed = (f: FeedLink['format']) =>
    ({
      rss: t('embed.feed.rss', 'RSS'),
      atom: t('embed.feed.atom', 'Atom'),
      json: t('embed.feed.json', 'JSON Feed'),
      ics: t('embed.feed.ics', 'iCalendar file (.ics)'),
      webcal: t('embed.feed.webcal', 'Calendar subscription (webcal://)'),
    })[f];
  return { widget, kind, criteria, control, feed };
};

/** A select with a "none" option; '' means not set. */
const Choice = ({
  label,
  name,
  value,
  onChange,
  options,
  noneLabel,
  hint,
}: {
  label: string;
  name: string;
  value: string | undefined;
  onChange: (v: string) => void;
  options: { value: string; label: string }[];
  noneLabel?: string;
  hint?: string;
}) => (
  <Field.Root name={name} id={`solidarity-embed-${name}`} hint={hint}>
    <Field.Label>{label}</Field.Label>
    <SingleSelect value={value || NONE} onChange={(v) => onChange(v === NONE ? '' : String(v))} data-field={name}>
      {noneLabel !== undefined && <SingleSelectOption value={NONE}>{noneLabel}</SingleSelectOption>}
      {options.map((o) => (
        <SingleSelectOption key={o.value} value={o.value}>
          {o.label}
        </SingleSelectOption>
      ))}
    </SingleSelect>
    <Field.Hint />
  </Field.Root>
);

const ColourField = ({
  label,
  name,
  value,
  onChange,
  invalid,
  widgetDefault,
}: {
  label: string;
  name: string;
  value: string | undefined;
  onChange: (v: string) => void;
  invalid: boolean;
  /** the widgets' own colour, shown while none is chosen */
  widgetDefault: string;
}) => {
  const { t } = useT();
  const hex = value && /^#[0-9a-f]{6}$/i.test(value.trim()) ? value.trim() : widgetDefault;
  return (
    <Field.Root name={name} id={`solidarity-embed-${name}`} error={invalid ? t('embed.theme.invalidColour', 'Not a CSS colour: left out') : undefined}>
      <Field.Label>{label}</Field.Label>
      <Flex gap={2} alignItems="center">
        <input
          type="color"
          aria-label={label}
          value={hex}
          onChange={(e) => onChange(e.target.value)}
          style={{ width: '3rem', height: '2.5rem', border: 'none', background: 'none', padding: 0, cursor: 'pointer' }}
        />
        <Box flex="1">
          <TextInput
            aria-label={`${label} (CSS)`}
            placeholder={t('embed.theme.default', 'Default ({colour})', { colour: widgetDefault })}
            value={value ?? ''}
            onChange={(e: React.ChangeEvent<HTMLInputElement>) => onChange(e.target.value)}
          />
        </Box>
        {value ? (
          <IconButton label={t('embed.theme.reset', 'Back to the default')} onClick={() => onChange('')} variant="ghost">
            <Cross />
          </IconButton>
        ) : null}
      </Flex>
      <Field.Error />
    </Field.Root>
  );
};

const CopyBlock = ({ label, text, testId, onCopy }: { label: string; text: string; testId: string; onCopy: (text: string) => void }) => {
  const { t } = useT();
  return (
    <Box>
      <Flex justifyContent="space-between" alignItems="center" marginBottom={2}>
        <Typography variant="sigma" textColor="neutral600" id={`${testId}-label`}>
          {label}
        </Typography>
        <Button variant="secondary" size="S" startIcon={<Duplicate />} onClick={() => onCopy(text)} data-copy={testId}>
          {t('embed.copy', 'Copy')}
        </Button>
      </Flex>
      <Box
        tag="pre"
        background="neutral100"
        hasRadius
        padding={3}
        aria-labelledby={`${testId}-label`}
        data-testid={testId}
        style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all', fontFamily: 'monospace', fontSize: '0.8125rem', margin: 0 }}
      >
        <code>{text}</code>
      </Box>
    </Box>
  );
};

/** The real widget, rendered with exactly the snippet's attributes. */
const Preview = ({ settings, bundle }: { settings: EmbedSettings; bundle: BundleState }) => {
  const { t } = useT();
  const host = React.useRef<HTMLDivElement>(null);
  const [undefinedTag, setUndefinedTag] = React.useState<string | null>(null);
  const attrs = widgetAttributes(settings);
  const key = JSON.stringify([settings.widget, attrs]);

  React.useEffect(() => {
    const el = host.current;
    if (!el || bundle.status !== 'ready') return;
    const tag = WIDGET_TAG[settings.widget];
    const widget = document.createElement(tag);
    for (const [name, value] of attrs) widget.setAttribute(name, value);
    el.replaceChildren(widget);
    setUndefinedTag(null);
    let alive = true;
    // The submission form may be missing from this server's bundle: say so rather than show nothing.
    const timer = window.setTimeout(() => {
      if (alive && !customElements.get(tag)) setUndefinedTag(tag);
    }, 3000);
    return () => {
      alive = false;
      window.clearTimeout(timer);
      el.replaceChildren();
    };
  }, [key, bundle.status]);

  return (
    <Box>
      {bundle.status === 'loading' && <Loader small>{t('embed.preview.loading', 'Loading the widgets…')}</Loader>}
      {bundle.status === 'error' && (
        <Typography textColor="danger600" tag="p" style={{ marginBottom: '0.75rem' }}>
          {t('embed.preview.error', 'The widget bundle could not be loaded ({message}). Tried: {urls}', {
            message: bundle.message,
            urls: bundle.tried.join(', '),
          })}
        </Typography>
      )}
      {bundle.status === 'ready' && bundle.fallback && (
        <Typography variant="pi" textColor="neutral600" tag="p" style={{ marginBottom: '0.75rem' }}>
          {t('embed.preview.fallback', 'Preview loaded from {url}: the public URL is not allowed by the admin’s Content-Security-Policy or not reachable from here.', {
            url: bundle.url,
          })}
        </Typography>
      )}
      {settings.widget === 'practice' && !settings.slug && (
        <Typography variant="pi" textColor="neutral600" tag="p" style={{ marginBottom: '0.75rem' }}>
          {t('embed.preview.pickPractice', 'Pick a practice to see it here.')}
        </Typography>
      )}
      {undefinedTag && (
        <Typography textColor="warning600" tag="p" style={{ marginBottom: '0.75rem' }}>
          {t('embed.preview.undefined', 'The element {tag} is not defined by this server’s widget bundle yet.', { tag: `<${undefinedTag}>` })}
        </Typography>
      )}
      <div ref={host} data-testid="solidarity-embed-preview" />
    </Box>
  );
};

const useList = <T,>(path: string, params: Record<string, string | number | undefined>, enabled = true) => {
  const [items, setItems] = React.useState<T[]>([]);
  const [loading, setLoading] = React.useState(false);
  const key = JSON.stringify([path, params, enabled]);
  React.useEffect(() => {
    if (!enabled) return;
    const controller = new AbortController();
    setLoading(true);
    publicGet<T>(path, params, controller.signal)
      .then((res) => setItems(res.data))
      .catch(() => {
        if (!controller.signal.aborted) setItems([]);
      })
      .finally(() => {
        if (!controller.signal.aborted) setLoading(false);
      });
    return () => controller.abort();
  }, [key]);
  return { items, loading };
};

const EmbedPage = () => {
  const { t, locale: uiLocale } = useT();
  const labels = useLabels();
  const { get } = useFetchClient();
  const { toggleNotification } = useNotification();

  const [config, setConfig] = React.useState<EmbedConfig | null>(null);
  const [configError, setConfigError] = React.useState<string | null>(null);
  const [settings, setSettings] = React.useState<EmbedSettings>(INITIAL);
  const [bundle, setBundle] = React.useState<BundleState>({ status: 'loading' });
  const [practiceQuery, setPracticeQuery] = React.useState('');

  React.useEffect(() => {
    get<EmbedConfig>('/solidarity/embed/config')
      .then(({ data }) => setConfig(data))
      .catch((error: Error) => setConfigError(error.message));
  }, [get]);

  React.useEffect(() => {
    if (!config) return;
    let alive = true;
    setBundle({ status: 'loading' });
    loadWidgetBundle(config.publicUrl, [backendUrl(), window.location.origin]).then((state) => alive && setBundle(state));
    return () => {
      alive = false;
    };
  }, [config]);

  const set = <K extends keyof EmbedSettings>(key: K, value: EmbedSettings[K]) => setSettings((s) => ({ ...s, [key]: value }));
  const setTheme = (key: keyof Theme, value: string) => setSettings((s) => ({ ...s, theme: { ...s.theme, [key]: value } }));

  // Data in the chosen language (or the default one when the snippet follows the page's language).
  const dataLocale = settings.locale || config?.defaultLocale || 'en';
  const topics = useList<Named>('/topics', { locale: dataLocale, pageSize: 50, sort: 'name:asc' }, Boolean(config));
  const organisations = useList<Named>('/organisations', { locale: dataLocale, pageSize: 50, sort: 'name:asc' }, Boolean(config));
  const calls = useList<Named>('/calls', { locale: dataLocale, pageSize: 50 }, Boolean(config));
  const practicesForCountries = useList<Named>('/practices', { locale: dataLocale, pageSize: 50 }, Boolean(config));
  const debouncedQuery = useDebounce(practiceQuery.trim(), 300);
  const found = useList<Named>(
    '/practices',
    { locale: dataLocale, pageSize: 10, ...(debouncedQuery ? { q: debouncedQuery } : {}) },
    Boolean(config) && settings.widget === 'practice'
  );

  const countries = React.useMemo(() => {
    const codes = new Set<string>();
    for (const x of [...organisations.items, ...practicesForCountries.items]) if (x.country && /^[A-Z]{2}$/i.test(x.country)) codes.add(x.country.toUpperCase());
    let names: Intl.DisplayNames | null = null;
    try {
      names = new Intl.DisplayNames([uiLocale], { type: 'region' });
    } catch {
      names = null;
    }
    return [...codes]
      .map((code) => ({ value: code, label: `${names?.of(code) ?? code} (${code})` }))
      .sort((a, b) => a.label.localeCompare(b.label, uiLocale));
  }, [organisations.items, practicesForCountries.items, uiLocale]);

  // The preview follows the settings with a short delay (typing in a text field does not reload it at each key).
  const debounced = useDebounce(settings, 300);
  const previewSettings: EmbedSettings = { ...debounced, locale: debounced.locale || dataLocale };

  const publicUrl = config?.publicUrl ?? '';
  let snippet = '';
  let feeds: FeedLink[] = [];
  try {
    snippet = publicUrl ? snippetHtml(publicUrl, settings) : '';
    feeds = publicUrl ? feedLinks(publicUrl, settings) : [];
  } catch (error) {
    snippet = `<!-- ${(error as Error).message} -->`;
  }

  const copy = async (text: string) => {
    const ok = await copyText(text);
    toggleNotification(
      ok
        ? { type: 'success', message: t('embed.copied', 'Copied to the clipboard.') }
        : { type: 'warning', message: t('embed.copyFailed', 'Could not copy: select the text and copy it by hand.') }
    );
  };

  const badTheme = invalidThemeKeys(settings.theme);
  const filters = WIDGET_FILTERS[settings.widget];
  const has = (key: string) => (filters as readonly string[]).includes(key);

  if (configError) {
    return (
      <Page.Main>
        <Layouts.Header title={t('embed.title', 'Embed')} />
        <Layouts.Content>
          <Typography textColor="danger600">{t('embed.configError', 'Could not load the embed settings: {message}', { message: configError })}</Typography>
        </Layouts.Content>
      </Page.Main>
    );
  }
  if (!config) return <Page.Loading />;

  return (
    <Page.Main>
      <Page.Title>{t('embed.title', 'Embed')}</Page.Title>
      <Layouts.Header
        title={t('embed.title', 'Embed')}
        subtitle={t('embed.subtitle', 'Build the snippet a member organisation pastes into its website, with a live preview of the real widget.')}
      />
      <Layouts.Content>
        <Grid.Root gap={6}>
          <Grid.Item col={5} s={12} direction="column" alignItems="stretch">
            <Box background="neutral0" hasRadius shadow="tableShadow" padding={6}>
              <Flex direction="column" alignItems="stretch" gap={4}>
                <Typography tag="h2" variant="delta">
                  {t('embed.settings', 'Settings')}
                </Typography>
                <Choice
                  label={t('embed.field.widget', 'Widget')}
                  name="widget"
                  value={settings.widget}
                  onChange={(v) => set('widget', (v || 'practices') as WidgetName)}
                  options={WIDGETS.map((w) => ({ value: w, label: labels.widget(w) }))}
                />
                <Choice
                  label={t('embed.field.locale', 'Language')}
                  name="locale"
                  value={settings.locale}
                  onChange={(v) => set('locale', v)}
                  noneLabel={t('embed.locale.auto', 'The page’s language (automatic)')}
                  options={config.locales.map((l) => ({ value: l.code, label: l.name }))}
                  hint={settings.locale ? undefined : t('embed.locale.autoHint', 'The widget follows the language of the partner’s page ({attribute}); the preview shows {locale}.', {
                          attribute: '<html lang>',
                          locale: dataLocale,
                        })}
                />

                {settings.widget === 'practice' && (
                  <>
                    <Field.Root name="practiceSearch" id="solidarity-embed-practice-search">
                      <Field.Label>{t('embed.field.practiceSearch', 'Find a practice')}</Field.Label>
                      <TextInput
                        type="search"
                        value={practiceQuery}
                        placeholder={t('embed.field.practiceSearchPlaceholder', 'Words of its title or text')}
                        onChange={(e: React.ChangeEvent<HTMLInputElement>) => setPracticeQuery(e.target.value)}
                      />
                    </Field.Root>
                    <Choice
                      label={t('embed.field.practice', 'Practice')}
                      name="slug"
                      value={settings.slug}
                      onChange={(v) => set('slug', v)}
                      noneLabel={found.loading ? t('loading', 'Loading…') : t('embed.field.practiceNone', 'Choose a practice')}
                      options={[
                        ...found.items.map((p) => ({ value: p.slug, label: p.title ?? p.slug })),
                        ...(settings.slug && !found.items.some((p) => p.slug === settings.slug) ? [{ value: settings.slug, label: settings.slug }] : []),
                      ]}
                    />
                  </>
                )}

                {has('topic') && (
                  <Choice
                    label={t('embed.field.topic', 'Topic')}
                    name="topic"
                    value={settings.topic}
                    onChange={(v) => set('topic', v)}
                    noneLabel={t('embed.any', 'Any')}
                    options={topics.items.map((x) => ({ value: x.slug, label: x.name ?? x.slug }))}
                  />
                )}
                {has('country') && (
                  <Choice
                    label={t('embed.field.country', 'Country')}
                    name="country"
                    value={settings.country}
                    onChange={(v) => set('country', v)}
                    noneLabel={t('embed.any', 'Any')}
                    options={countries}
                  />
                )}
                {has('organisation') && (
                  <Choice
                    label={t('embed.field.organisation', 'Organisation')}
                    name="organisation"
                    value={settings.organisation}
                    onChange={(v) => set('organisation', v)}
                    noneLabel={t('embed.any', 'Any')}
                    options={organisations.items.map((x) => ({ value: x.slug, label: x.name ?? x.slug }))}
                  />
                )}
                {has('call') && (
                  <Choice
                    label={t('embed.field.call', 'Call for practices')}
                    name="call"
                    value={settings.call}
                    onChange={(v) => set('call', v)}
                    noneLabel={t('embed.any', 'Any')}
                    options={calls.items.map((x) => ({ value: x.slug, label: x.title ?? x.slug }))}
                  />
                )}
                {has('criteria') && (
                  <Choice
                    label={t('embed.field.criteria', 'Criteria')}
                    name="criteria"
                    value={settings.criteria}
                    onChange={(v) => set('criteria', v)}
                    noneLabel={t('embed.any', 'Any')}
                    options={PRACTICE_CRITERIA.map((c) => ({ value: c, label: labels.criteria(c) }))}
                  />
                )}
                {has('kind') && (
                  <Choice
                    label={t('embed.field.kind', 'Kind')}
                    name="kind"
                    value={settings.kind}
                    onChange={(v) => set('kind', v)}
                    noneLabel={t('embed.any', 'Any')}
                    options={(settings.widget === 'sessions' ? SESSION_KINDS : STATEMENT_KINDS).map((k) => ({ value: k, label: labels.kind(k) }))}
                  />
                )}
                {settings.widget === 'sessions' && (
                  <Choice
                    label={t('embed.field.when', 'Sessions')}
                    name="when"
                    value={settings.when}
                    onChange={(v) => set('when', (v || 'upcoming') as 'upcoming' | 'past')}
                    options={[
                      { value: 'upcoming', label: t('embed.when.upcoming', 'Upcoming') },
                      { value: 'past', label: t('embed.when.past', 'Past') },
                    ]}
                  />
                )}
                {has('q') && (
                  <Field.Root name="q" id="solidarity-embed-q" hint={t('embed.field.qHint', 'Only items matching these words.')}>
                    <Field.Label>{t('embed.field.q', 'Search words')}</Field.Label>
                    <TextInput value={settings.q ?? ''} onChange={(e: React.ChangeEvent<HTMLInputElement>) => set('q', e.target.value)} />
                    <Field.Hint />
                  </Field.Root>
                )}
                {settings.widget === 'submit' && (
                  <>
                    <Field.Root
                      name="privacyUrl"
                      id="solidarity-embed-privacy-url"
                      hint={t('embed.field.privacyUrlHint', 'Linked beside the consent checkbox of the form.')}
                      error={settings.privacyUrl && !isHttpUrl(settings.privacyUrl) ? t('embed.field.privacyUrlInvalid', 'Not an http(s) address: left out') : undefined}
                    >
                      <Field.Label>{t('embed.field.privacyUrl', 'Privacy notice (address)')}</Field.Label>
                      <TextInput
                        type="url"
                        value={settings.privacyUrl ?? ''}
                        placeholder="https://"
                        onChange={(e: React.ChangeEvent<HTMLInputElement>) => set('privacyUrl', e.target.value)}
                      />
                      <Field.Hint />
                      <Field.Error />
                    </Field.Root>
                    <Typography variant="pi" textColor="warning700" tag="p">
                      {t('embed.submit.live', 'The preview is the real form: a practice sent from it reaches the review queue.')}
                    </Typography>
                  </>
                )}
                {isListWidget(settings.widget) && (
                  <Flex gap={4} alignItems="flex-start">
                    <Box flex="1">
                      <Choice
                        label={t('embed.field.layout', 'Layout')}
                        name="layout"
                        value={settings.layout}
                        onChange={(v) => set('layout', (v || 'list') as 'list' | 'grid')}
                        options={[
                          { value: 'list', label: t('embed.layout.list', 'List') },
                          { value: 'grid', label: t('embed.layout.grid', 'Grid') },
                        ]}
                      />
                    </Box>
                    <Box flex="1">
                      <Field.Root name="pageSize" id="solidarity-embed-page-size" hint={t('embed.field.pageSizeHint', '1 to 50')}>
                        <Field.Label>{t('embed.field.pageSize', 'Items per page')}</Field.Label>
                        <NumberInput
                          value={settings.pageSize}
                          onValueChange={(v: number | undefined) => set('pageSize', v === undefined ? undefined : clampPageSize(v))}
                        />
                        <Field.Hint />
                      </Field.Root>
                    </Box>
                  </Flex>
                )}
                {settings.widget === 'practices' && (
                  <Box>
                    <Typography variant="pi" fontWeight="bold" tag="p" style={{ marginBottom: '0.5rem' }}>
                      {t('embed.field.controls', 'Filters visitors can use')}
                    </Typography>
                    <Flex gap={4} wrap="wrap">
                      {PRACTICE_CONTROLS.map((c) => (
                        <Checkbox
                          key={c}
                          checked={settings.controls?.includes(c) ?? false}
                          onCheckedChange={(checked: boolean | 'indeterminate') =>
                            set('controls', checked === true ? [...(settings.controls ?? []), c] : (settings.controls ?? []).filter((x) => x !== c))
                          }
                        >
                          {labels.control(c)}
                        </Checkbox>
                      ))}
                    </Flex>
                  </Box>
                )}

                <Typography tag="h3" variant="epsilon" style={{ marginTop: '0.5rem' }}>
                  {t('embed.theme', 'Look')}
                </Typography>
                <ColourField label={t('embed.theme.accent', 'Accent colour')} name="accent" widgetDefault="#0b6e4f" value={settings.theme?.accent} onChange={(v) => setTheme('accent', v)} invalid={badTheme.includes('accent')} />
                <ColourField label={t('embed.theme.text', 'Text colour')} name="text" widgetDefault="#1c2421" value={settings.theme?.text} onChange={(v) => setTheme('text', v)} invalid={badTheme.includes('text')} />
                <ColourField label={t('embed.theme.surface', 'Card colour')} name="surface" widgetDefault="#ffffff" value={settings.theme?.surface} onChange={(v) => setTheme('surface', v)} invalid={badTheme.includes('surface')} />
                <Field.Root
                  name="fontFamily"
                  id="solidarity-embed-font"
                  hint={t('embed.theme.fontHint', 'For example: "Source Sans 3", Arial, sans-serif. Empty: the page’s font.')}
                  error={badTheme.includes('fontFamily') ? t('embed.theme.invalidFont', 'Not a font-family list: left out') : undefined}
                >
                  <Field.Label>{t('embed.theme.font', 'Font family')}</Field.Label>
                  <TextInput value={settings.theme?.fontFamily ?? ''} onChange={(e: React.ChangeEvent<HTMLInputElement>) => setTheme('fontFamily', e.target.value)} />
                  <Field.Hint />
                  <Field.Error />
                </Field.Root>
              </Flex>
            </Box>
          </Grid.Item>

          <Grid.Item col={7} s={12} direction="column" alignItems="stretch">
            <Flex direction="column" alignItems="stretch" gap={6}>
              <Box background="neutral0" hasRadius shadow="tableShadow" padding={6}>
                <Typography tag="h2" variant="delta" style={{ display: 'block', marginBottom: '1rem' }}>
                  {t('embed.preview', 'Preview')}
                </Typography>
                <Box hasRadius borderColor="neutral200" padding={4} background="neutral0" style={{ background: '#fff', color: '#1c2421' }}>
                  <Preview settings={previewSettings} bundle={bundle} />
                </Box>
              </Box>
              <Box background="neutral0" hasRadius shadow="tableShadow" padding={6}>
                <Typography tag="h2" variant="delta" style={{ display: 'block', marginBottom: '1rem' }}>
                  {t('embed.code', 'Code to paste')}
                </Typography>
                <Flex direction="column" alignItems="stretch" gap={4}>
                  <CopyBlock label={t('embed.snippet', 'Snippet')} text={snippet} testId="solidarity-embed-snippet" onCopy={copy} />
                  {feeds.length > 0 && (
                    <Box>
                      <Typography variant="sigma" textColor="neutral600" tag="p" style={{ marginBottom: '0.5rem' }}>
                        {settings.widget === 'sessions' ? t('embed.calendars', 'Calendars for the same filters') : t('embed.feeds', 'Feeds for the same filters')}
                      </Typography>
                      <Flex direction="column" alignItems="stretch" gap={2} tag="ul">
                        {feeds.map((f) => (
                          <Flex tag="li" key={f.format} gap={2} justifyContent="space-between" alignItems="center" data-feed={f.format}>
                            <Box style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
                              <Typography variant="omega" fontWeight="bold">
                                {labels.feed(f.format)}
                              </Typography>{' '}
                              {f.format === 'webcal' ? (
                                <Typography variant="pi" tag="code">
                                  {f.url}
                                </Typography>
                              ) : (
                                <DSLink href={f.url} isExternal>
                                  {f.url}
                                </DSLink>
                              )}
                            </Box>
                            <IconButton label={t('embed.copyLink', 'Copy the link')} onClick={() => void copy(f.url)} variant="secondary">
                              <Duplicate />
                            </IconButton>
                          </Flex>
                        ))}
                      </Flex>
                    </Box>
                  )}
                  <Typography variant="pi" textColor="neutral600" tag="p">
                    {t('embed.publicUrl', 'Public URL of the app: {url}', { url: publicUrl })}
                  </Typography>
                </Flex>
              </Box>
            </Flex>
          </Grid.Item>
        </Grid.Root>
      </Layouts.Content>
    </Page.Main>
  );
};

const ProtectedEmbedPage = () => (
  <Page.Protect permissions={PERMISSIONS.embed}>
    <EmbedPage />
  </Page.Protect>
);

export default ProtectedEmbedPage;
