import * as React from 'react';
import { Box, Flex, Typography } from '@strapi/design-system';

/** A card of the detail page: a `<section>` with an h2 title. */
export const Section = ({ title, children }: { title: string; children: React.ReactNode }) => (
  <Box tag="section" background="neutral0" hasRadius shadow="tableShadow" padding={6} marginBottom={4}>
    <Typography tag="h2" variant="delta" style={{ display: 'block', marginBottom: '1rem' }}>
      {title}
    </Typography>
    {children}
  </Box>
);

/** One labelled value inside a Section (label above, value below). */
export const Row = ({ label, children }: { label: string; children: React.ReactNode }) => (
  <Flex direction="column" alignItems="flex-start" gap={1} marginBottom={3}>
    <Typography variant="sigma" textColor="neutral600">
      {label}
    </Typography>
    <Typography variant="omega" textColor="neutral800" tag="div">
      {children}
    </Typography>
  </Flex>
);
