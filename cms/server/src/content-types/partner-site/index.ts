import schema from './schema.json';

/**
 * Partner sites (`plugin::solidarity.partner-site`): the websites of members that embed the
 * submission form. Editors manage them in the Content Manager or from the embed builder; the
 * `origins` of the active ones are allowed to send submissions at once, on every instance
 * (submissions/partner-sites.ts). Never public: no content-API route reads them.
 */
export default { schema };
