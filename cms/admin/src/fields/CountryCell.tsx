import { Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';

/** A country code in a Content Manager list row, with its name in the admin's language (`Spain (ES)`). */
export const CountryCell = ({ value }: { value: unknown }) => {
  const { locale } = useIntl();
  if (typeof value !== 'string' || !value) return <Typography textColor="neutral800">-</Typography>;
  let name = value;
  try {
    name = new Intl.DisplayNames([locale, 'en'], { type: 'region', fallback: 'code' }).of(value) ?? value;
  } catch {
    // not a region code Intl knows: the code alone
  }
  return <Typography textColor="neutral800">{name === value ? value : `${name} (${value})`}</Typography>;
};
