import * as React from 'react';
import { Field, TextInput } from '@strapi/design-system';
import { PRACTICE_CRITERIA, SESSION_KINDS, STATEMENT_KINDS, WIDGET_FILTERS } from '../../embed/snippet';
import { useT } from '../../utils/useT';
import { Choice } from './Choice';
import type { EmbedOptions } from './useEmbedOptions';
import { useLabels } from './useLabels';

/**
 * The filters the chosen widget understands (WIDGET_FILTERS): topic, country, organisation, call,
 * criteria, kind, then upcoming/past for sessions, then search words. Each select offers "Any".
 */
export const FilterFields = ({ options }: { options: EmbedOptions }) => {
  const { t } = useT();
  const labels = useLabels();
  const { settings, set, topics, organisations, calls, countries } = options;
  const has = (key: string) => (WIDGET_FILTERS[settings.widget] as readonly string[]).includes(key);
  return (
    <>
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
    </>
  );
};
