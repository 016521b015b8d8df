import * as React from 'react';
import { Badge, Box, Button, Field, Flex, SingleSelect, SingleSelectOption, Typography } from '@strapi/design-system';
import { usePublicList } from '../../Embed/usePublicList';
import { useT } from '../../../utils/useT';
import { Blocks, safeHref } from '../Blocks';
import { territoryOf, type Contact, type FicheValues, type Promoter, type Submission } from '../types';
import { Row, Section } from './Section';

/** What Promoters may do to a new promoter (useSubmission's `promoter`). */
export type PromoterAction = (body: { action: 'confirm' | 'merge'; organisation: string; into?: string }) => void;

/** A link to an http(s) address, as text otherwise. */
const WebLink = ({ url }: { url: string | null | undefined }) => {
  const href = safeHref(url);
  return href ? (
    <a href={href} target="_blank" rel="noopener noreferrer nofollow">
      {href}
    </a>
  ) : null;
};

/** "Merge into…": a published organisation (public list, the submission's language) and a button. */
const MergeInto = ({ locale, busy, onMerge }: { locale: string; busy: boolean; onMerge: (into: string) => void }) => {
  const { t } = useT();
  const [into, setInto] = React.useState('');
  const { items } = usePublicList<{ documentId: string; name: string }>('/organisations', { locale, pageSize: 50 });
  return (
    <Flex gap={2} alignItems="flex-end">
      <Box style={{ minWidth: '14rem' }}>
        <Field.Root name="mergeInto">
          <Field.Label>{t('promoter.mergeInto', 'Merge into a known organisation')}</Field.Label>
          <SingleSelect value={into} onChange={(v: string | number) => setInto(String(v))} placeholder={t('promoter.choose', 'Choose an organisation')}>
            {items.map((o) => (
              <SingleSelectOption key={o.documentId} value={o.documentId}>
                {o.name}
              </SingleSelectOption>
            ))}
          </SingleSelect>
        </Field.Root>
      </Box>
      <Button variant="secondary" size="S" disabled={busy || !into} onClick={() => onMerge(into)}>
        {t('promoter.merge', 'Merge')}
      </Button>
    </Flex>
  );
};

/**
 * The promoting organisations, one line each: name, country, and website when it is http(s). A new
 * one (a draft organisation made from the submission) is marked "new, not confirmed", with Confirm
 * and Merge when `onAction` is given; when the form sent another website than the stored one, both
 * are shown.
 */
const Promoters = ({ promoters, locale, busy = false, onAction }: { promoters: Promoter[]; locale: string; busy?: boolean; onAction?: PromoterAction }) => {
  const { t } = useT();
  return (
    <Box tag="ul">
      {promoters.map((p, i) => {
        const sentWebsite = p.submitted?.website ?? null;
        const differs = !!sentWebsite && sentWebsite !== (p.website ?? null);
        return (
          <Box tag="li" key={p.documentId ?? i} paddingBottom={2} data-promoter={p.confirmed === false ? 'new' : 'known'}>
            <Flex gap={2} wrap="wrap" alignItems="center">
              <span>
                {p.name}
                {p.country ? ` (${p.country})` : ''}
                {p.website && safeHref(p.website) ? ' · ' : ''}
                <WebLink url={p.website} />
              </span>
              {p.confirmed === false ? <Badge>{t('promoter.new', 'New: not confirmed yet')}</Badge> : null}
            </Flex>
            {differs ? (
              <Typography variant="pi" tag="p" textColor="warning600" data-sent-website>
                {t('promoter.sentWebsite', 'Website sent with the form: {url}', { url: sentWebsite })} (<WebLink url={sentWebsite} />)
              </Typography>
            ) : null}
            {p.confirmed === false && p.documentId && onAction ? (
              <Flex direction="column" alignItems="flex-start" gap={2} paddingTop={2}>
                <Typography variant="pi" textColor="neutral600" tag="p">
                  {t('promoter.explain', 'The network does not know this organisation yet: it is published with the practice unless you merge it into a known one.')}
                </Typography>
                <Button size="S" disabled={busy} onClick={() => onAction({ action: 'confirm', organisation: p.documentId ?? '' })}>
                  {t('promoter.confirm', 'Confirm as a new organisation')}
                </Button>
                <MergeInto locale={locale} busy={busy} onMerge={(into) => onAction({ action: 'merge', organisation: p.documentId ?? '', into })} />
              </Flex>
            ) : null}
          </Box>
        );
      })}
    </Box>
  );
};

/**
 * "The practice": what was submitted, as text (summary, body blocks, topics, promoters, territory,
 * call); an empty field shows "—". Nothing typed by the submitter is rendered as HTML (Blocks).
 */
export const Fiche = ({ submission, busy, onPromoter }: { submission: Submission; busy?: boolean; onPromoter?: PromoterAction }) => {
  const { t } = useT();
  const territory = territoryOf(submission);
  const place = [territory.municipality, territory.region, territory.country].filter(Boolean).join(', ');
  return (
    <Section title={t('detail.fiche', 'The practice')}>
      {submission.summary ? (
        <Row label={t('field.summary', 'Summary')}>
          <Typography tag="p" style={{ whiteSpace: 'pre-wrap' }}>
            {submission.summary}
          </Typography>
        </Row>
      ) : null}
      <Row label={t('field.body', 'Explanation')}>
        {submission.body && submission.body.length ? <Blocks value={submission.body} /> : '—'}
      </Row>
      <Row label={t('field.topics', 'Topics')}>
        {submission.topics?.length ? (
          <Flex gap={2} wrap="wrap">
            {submission.topics.map((topic) => (
              <Badge key={topic.slug}>{topic.name || topic.slug}</Badge>
            ))}
          </Flex>
        ) : (
          '—'
        )}
      </Row>
      <Row label={t('field.promoters', 'Promoters')}>{submission.promoters?.length ? <Promoters promoters={submission.promoters} locale={submission.locale} busy={busy} onAction={onPromoter} /> : '—'}</Row>
      <Row label={t('field.territory', 'Territory')}>{place || '—'}</Row>
      <Row label={t('field.call', 'Call for practices')}>{submission.call?.title ?? '—'}</Row>
    </Section>
  );
};

/** "Contact (private)": the submitter's name, email (a mailto: link when it looks like an address), phone and role. */
export const ContactSection = ({ contact }: { contact: Contact | null | undefined }) => {
  const { t } = useT();
  return (
    <Section title={t('detail.contact', 'Contact (private)')}>
      {contact ? (
        <>
          <Row label={t('field.contact.name', 'Name')}>{contact.name}</Row>
          <Row label={t('field.contact.email', 'Email')}>
            {/^[^\s@<>"]+@[^\s@<>"]+$/.test(contact.email) ? <a href={`mailto:${contact.email}`}>{contact.email}</a> : contact.email}
          </Row>
          {contact.phone ? <Row label={t('field.contact.phone', 'Phone')}>{contact.phone}</Row> : null}
          {contact.role ? <Row label={t('field.contact.role', 'Role')}>{contact.role}</Row> : null}
        </>
      ) : (
        <Typography textColor="neutral600">{t('detail.noContact', 'No contact.')}</Typography>
      )}
    </Section>
  );
};

/** "Review notes" (private), shown only when there are some. */
export const ReviewNotes = ({ notes }: { notes: string | null | undefined }) => {
  const { t } = useT();
  if (!notes) return null;
  return (
    <Section title={t('field.reviewNotes', 'Review notes')}>
      <Typography tag="p" style={{ whiteSpace: 'pre-wrap' }}>
        {notes}
      </Typography>
    </Section>
  );
};

/** The fiche's plain-text sections, in fiche order (cms/shared/fiche.ts). */
type FicheText = 'context' | 'objectives' | 'beneficiaries' | 'activities' | 'resources' | 'budgetDetails' | 'results' | 'replicability' | 'lessons';

/** The fiche's headings in the admin's language (translations `fiche.*`), by field; `dates` heads start and end. */
export const useFicheLabels = (): Record<FicheText | 'budgetRange' | 'figures' | 'partners' | 'dates', string> => {
  const { t } = useT();
  return {
    context: t('fiche.context', 'Context and need'),
    objectives: t('fiche.objectives', 'Objectives'),
    beneficiaries: t('fiche.beneficiaries', 'Who it serves'),
    activities: t('fiche.activities', 'What was done'),
    resources: t('fiche.resources', 'Resources'),
    budgetRange: t('fiche.budgetRange', 'Budget range'),
    budgetDetails: t('fiche.budgetDetails', 'Budget details'),
    results: t('fiche.results', 'Results'),
    figures: t('fiche.figures', 'Results in figures'),
    replicability: t('fiche.replicability', 'What others can replicate'),
    lessons: t('fiche.lessons', 'Lessons learned'),
    partners: t('fiche.partners', 'Partners and their roles'),
    dates: t('fiche.dates', 'Start and end'),
  };
};

/**
 * "Systematisation fiche": every field of the fiche (cms/shared/fiche.ts) in its order, an empty one
 * "—", each private one (the network's choice, `privateFields`, from the review API's `meta.fiche`)
 * marked "Private: not published". Text only, never HTML.
 */
export const SystematisationFiche = ({ fiche, privateFields }: { fiche: FicheValues | undefined; privateFields: readonly string[] }) => {
  const { t } = useT();
  const f = fiche ?? {};
  const label = useFicheLabels();
  const ranges: Record<string, string> = {
    none: t('fiche.budget.none', 'No budget (volunteer work, donated means)'),
    'under-5k': t('fiche.budget.under5k', 'Under €5,000'),
    'from-5k-to-20k': t('fiche.budget.from5kTo20k', '€5,000 to €20,000'),
    'from-20k-to-100k': t('fiche.budget.from20kTo100k', '€20,000 to €100,000'),
    'from-100k-to-500k': t('fiche.budget.from100kTo500k', '€100,000 to €500,000'),
    'over-500k': t('fiche.budget.over500k', 'Over €500,000'),
  };
  const privateBadge = <Badge data-fiche-private>{t('fiche.private', 'Private: not published')}</Badge>;
  const row = (key: string, content: React.ReactNode) => (
    <Row label={label[key as keyof typeof label]} key={key}>
      <Flex direction="column" alignItems="flex-start" gap={1} data-fiche-field={key}>
        {privateFields.includes(key) ? privateBadge : null}
        {content ?? '—'}
      </Flex>
    </Row>
  );
  const text = (key: FicheText) =>
    row(
      key,
      f[key] ? (
        <Typography tag="p" style={{ whiteSpace: 'pre-wrap' }}>
          {f[key]}
        </Typography>
      ) : null
    );
  const figures = f.figures ?? [];
  const partners = f.partners ?? [];
  const dates = [f.startedOn, f.endedOn].filter(Boolean).join(' → ');
  return (
    <Section title={t('detail.systematisation', 'Systematisation fiche')}>
      {text('context')}
      {text('objectives')}
      {text('beneficiaries')}
      {text('activities')}
      {text('resources')}
      {row('budgetRange', f.budgetRange ? (ranges[f.budgetRange] ?? f.budgetRange) : null)}
      {text('budgetDetails')}
      {text('results')}
      {row(
        'figures',
        figures.length ? (
          <Box tag="ul">
            {figures.map((x, i) => (
              <li key={i}>
                <strong>{[x.value ?? '', x.unit ?? ''].join(' ').trim()}</strong> {x.label}
              </li>
            ))}
          </Box>
        ) : null
      )}
      {text('replicability')}
      {text('lessons')}
      {row(
        'partners',
        partners.length ? (
          <Box tag="ul">
            {partners.map((p, i) => (
              <li key={i}>
                {p.name}
                {p.website && safeHref(p.website) ? ' · ' : ''}
                <WebLink url={p.website} />
                {p.role ? `: ${p.role}` : ''}
              </li>
            ))}
          </Box>
        ) : null
      )}
      {row('dates', dates || null)}
    </Section>
  );
};
