import { useIntl } from 'react-intl';
import { tid } from '../pluginId';

type Values = Record<string, string | number | boolean | null | undefined | Date>;

/** `t(key, defaultMessage, values)`: a message of this plugin (id `solidarity.<key>`). */
export const useT = () => {
  const intl = useIntl();
  const t = (key: string, defaultMessage: string, values?: Values): string =>
    intl.formatMessage({ id: tid(key), defaultMessage }, values as Record<string, string | number | boolean | null | undefined | Date>);
  return { t, locale: intl.locale };
};
