import * as React from 'react';
import { Box, Typography } from '@strapi/design-system';
import type { Block } from './types';

/**
 * Strapi "blocks" rich text rendered as React elements. Text is always text (React escapes it),
 * never HTML: a `<script>` or `onerror=` typed into a submission shows as those characters.
 * Links are kept only for http(s) and mailto; images are shown as a link, not loaded.
 */

const SAFE_URL = /^(https?:|mailto:)/i;

export const safeHref = (url: unknown): string | undefined => {
  if (typeof url !== 'string') return undefined;
  const u = url.trim();
  return SAFE_URL.test(u) ? u : undefined;
};

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

const Inline = ({ node }: { node: Block }): React.ReactElement => {
  if (node.type === 'text') {
    let el: React.ReactNode = text(node.text);
    if (node.code) el = <code>{el}</code>;
    if (node.bold) el = <strong>{el}</strong>;
    if (node.italic) el = <em>{el}</em>;
    if (node.underline) el = <u>{el}</u>;
    if (node.strikethrough) el = <s>{el}</s>;
    return <>{el}</>;
  }
  const children = <Children nodes={node.children} />;
  if (node.type === 'link') {
    const href = safeHref(node.url);
    return href ? (
      <a href={href} target="_blank" rel="noopener noreferrer nofollow">
        {children}
      </a>
    ) : (
      <span title={text(node.url)}>{children}</span>
    );
  }
  return <Block node={node} />;
};

const Children = ({ nodes }: { nodes?: Block[] }) => (
  <>
    {(Array.isArray(nodes) ? nodes : []).map((child, i) => (
      <Inline key={i} node={child} />
    ))}
  </>
);

const HEADING_TAGS = ['h3', 'h4', 'h5', 'h6', 'h6', 'h6'] as const;

const Block = ({ node }: { node: Block }): React.ReactElement => {
  switch (node.type) {
    case 'paragraph':
      return (
        <Typography tag="p" variant="omega" style={{ marginBottom: '0.75em', lineHeight: 1.6 }}>
          <Children nodes={node.children} />
        </Typography>
      );
    case 'heading': {
      const level = Math.min(6, Math.max(1, Number(node.level) || 2));
      return (
        <Typography tag={HEADING_TAGS[level - 1]} variant={level <= 2 ? 'epsilon' : 'omega'} fontWeight="bold" style={{ display: 'block', margin: '1em 0 0.5em' }}>
          <Children nodes={node.children} />
        </Typography>
      );
    }
    case 'list': {
      const Tag = node.format === 'ordered' ? 'ol' : 'ul';
      return (
        <Box tag={Tag} paddingLeft={6} marginBottom={3} style={{ listStyle: node.format === 'ordered' ? 'decimal' : 'disc' }}>
          <Children nodes={node.children} />
        </Box>
      );
    }
    case 'list-item':
      return (
        <Typography tag="li" variant="omega">
          <Children nodes={node.children} />
        </Typography>
      );
    case 'quote':
      return (
        <Box tag="blockquote" paddingLeft={4} marginBottom={3} style={{ borderLeft: '3px solid currentColor', opacity: 0.85 }}>
          <Typography variant="omega">
            <Children nodes={node.children} />
          </Typography>
        </Box>
      );
    case 'code':
      return (
        <Box tag="pre" padding={3} marginBottom={3} background="neutral100" hasRadius style={{ whiteSpace: 'pre-wrap' }}>
          <code>
            <Children nodes={node.children} />
          </code>
        </Box>
      );
    case 'image': {
      const image = (node.image ?? {}) as { url?: unknown; alternativeText?: unknown; name?: unknown };
      const href = safeHref(image.url);
      const label = text(image.alternativeText) || text(image.name) || text(image.url);
      return (
        <Typography tag="p" variant="pi" textColor="neutral600">
          [{href ? <a href={href} target="_blank" rel="noopener noreferrer nofollow">{label}</a> : label}]
        </Typography>
      );
    }
    case 'text':
    case 'link':
      return <Inline node={node} />;
    default:
      // An unknown block: its text, if any, as a paragraph.
      return (
        <Typography tag="p" variant="omega">
          <Children nodes={node.children} />
        </Typography>
      );
  }
};

export const Blocks = ({ value }: { value: Block[] | null | undefined }) => (
  <div>
    {(Array.isArray(value) ? value : []).map((node, i) => (
      <Block key={i} node={node} />
    ))}
  </div>
);
