import { Badge, Box, Flex, Typography } from '@strapi/design-system';
import { useT } from '../../../utils/useT';
import { Blocks, safeHref } from '../Blocks';
import { territoryOf, type Contact, type Submission } from '../types';
import { Row, Section } from './Section';

/** The promoting organisations, one line each: name, country, and website when it is http(s). */
const Promoters = ({ promoters }: { promoters: NonNullable<Submission['promoters']> }) => (
  <Box tag="ul">
    {promoters.map((p, i) => {
      const href = safeHref(p.website);
      return (
        <li key={p.documentId ?? i}>
          {p.name}
          {p.country ? ` (${p.country})` : ''}
          {href ? (
            <>
              {' · '}
              <a href={href} target="_blank" rel="noopener noreferrer nofollow">
                {href}
              </a>
            </>
          ) : null}
        </li>
      );
    })}
  </Box>
);

/**
 * "The practice": what was submitted, as text (summary, body blocks, topics, promoters, territory,
 * call); an empty field shows "—". Nothing typed by the submitter is rendered as HTML (Blocks).
 */
export const Fiche = ({ submission }: { submission: Submission }) => {
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
      <Row label={t('field.promoters', 'Promoters')}>{submission.promoters?.length ? <Promoters promoters={submission.promoters} /> : '—'}</Row>
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
