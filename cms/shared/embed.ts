/**
 * The addresses of the public pages and of the oEmbed endpoint, defined once for the server
 * (`cms/server/src/embed/`), the admin's embed builder and the WordPress plugin's documentation.
 *
 * The scheme (README "Public pages and oEmbed"):
 * - one document: `/embed/<locale>/<plural>/<slug>`, e.g. `/embed/ca/practices/banc-aliments-sants`
 * - a filtered list: `/embed/<locale>/<plural>?<filters>`, e.g. `/embed/ca/sessions?topic=housing&when=past`
 * where `<plural>` is `practices`, `sessions` or `statements`, `<locale>` a configured locale (a region
 * locale such as `ca-ES` is answered with a redirect to its language) and the filters are the widgets'.
 *
 * No imports, no DOM, no Node.
 */

/** Path prefix of every public page. */
export const EMBED_PREFIX = '/embed';

/** The kinds of document that have a public page, with the plural that names them in URLs (as in the API). */
export const EMBED_KINDS = { practice: 'practices', session: 'sessions', statement: 'statements' } as const;

/** `practice`, `session` or `statement`. */
export type EmbedKind = keyof typeof EMBED_KINDS;

/** Path of the oEmbed endpoint (https://oembed.com section 2.2), on the network's origin. */
export const OEMBED_PATH = '/api/solidarity/oembed';

/**
 * The URL scheme of the oEmbed provider (https://oembed.com section 2.1), appended to the network's
 * origin: `https://commons.example/embed/*`. WordPress's `wp_oembed_add_provider( $origin . OEMBED_URL_PATTERN,
 * $origin . OEMBED_PATH )` takes it as is (`*` matches anything).
 */
export const OEMBED_URL_PATTERN = `${EMBED_PREFIX}/*`;
