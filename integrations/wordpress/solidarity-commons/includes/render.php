<?php
/**
 * Server-side rendering shared by the blocks and the shortcodes: the custom element with escaped
 * attributes and, inside it, a link to the network's public page (what visitors without JavaScript,
 * feed readers and search engines see; the widget's shadow root hides it once it upgrades).
 *
 * @package SolidarityCommons
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * The network's public page of a widget's content (the app's scheme, cms/shared/embed.ts):
 * SOLIDARITY_COMMONS_EMBED_PATH `/embed/{locale}/{plural}/{slug}` with the widget's language (left
 * out when it has none: the network then redirects to its default language), the plural of its
 * type and, for one practice, its slug; lists carry their filters as a query string. The submission
 * form links to the practices of its call.
 *
 * @param string                $network The network's URL (no trailing slash).
 * @param string                $widget  A key of solidarity_commons_widgets().
 * @param array<string, string> $attrs   The element's clean attributes.
 * @return string
 */
function solidarity_commons_public_url( $network, $widget, array $attrs ) {
	$widgets = solidarity_commons_widgets();
	$type    = $widgets[ $widget ]['type'];
	$plural  = 'practice' === $type || 'submit' === $type ? 'practices' : $type;
	$slug    = 'practice' === $type && isset( $attrs['slug'] ) ? rawurlencode( $attrs['slug'] ) : '';
	$locale  = isset( $attrs['locale'] ) ? rawurlencode( $attrs['locale'] ) : '';
	$path    = str_replace( array( '{locale}', '{plural}', '{slug}' ), array( $locale, $plural, $slug ), SOLIDARITY_COMMONS_EMBED_PATH );
	$path    = rtrim( preg_replace( '#/{2,}#', '/', $path ), '/' );
	$query   = array();
	$keys    = 'submit' === $type ? array( 'call' ) : array( 'topic', 'country', 'organisation', 'call', 'criteria', 'kind', 'q', 'when' );
	foreach ( $keys as $key ) {
		if ( isset( $attrs[ $key ] ) && 'practice' !== $type ) {
			$query[ $key ] = $attrs[ $key ];
		}
	}
	return $network . $path . ( $query ? '?' . http_build_query( $query, '', '&', PHP_QUERY_RFC3986 ) : '' );
}

/**
 * The HTML of one widget: `<solidarity-sessions locale="ca" topic="…"><a href="…">…</a></solidarity-sessions>`,
 * every attribute escaped, and the bundle enqueued. Without a network URL: an HTML comment for
 * visitors and a short notice for those who can edit posts.
 *
 * @param string               $widget       A key of solidarity_commons_widgets().
 * @param array<string, mixed> $values       Block attribute name => value (unclean).
 * @param string               $wrapper_attr Attributes of a wrapping `<div>` (already escaped), or '' for none.
 * @return string
 */
function solidarity_commons_render( $widget, array $values, $wrapper_attr = '' ) {
	$widgets = solidarity_commons_widgets();
	if ( ! isset( $widgets[ $widget ] ) ) {
		return '';
	}
	$network = solidarity_commons_network_url();
	if ( '' === $network ) {
		$html = '<!-- Solidarity Commons: no network address set -->';
		if ( current_user_can( 'edit_posts' ) ) {
			$html .= '<p class="solidarity-commons-notice">' . esc_html__( 'Solidarity Commons: set the network’s address in Settings → Solidarity Commons to show this widget.', 'solidarity-commons' ) . '</p>';
		}
		return $html;
	}
	$def   = $widgets[ $widget ];
	$attrs = solidarity_commons_element_attributes( $widget, $values );
	$html  = '<' . $def['tag'];
	foreach ( $attrs as $name => $value ) {
		$html .= ' ' . $name . '="' . esc_attr( $value ) . '"';
	}
	$html .= '><a href="' . esc_url( solidarity_commons_public_url( $network, $widget, $attrs ) ) . '">' . esc_html( $def['fallback'] ) . '</a></' . $def['tag'] . '>';
	solidarity_commons_enqueue_bundle();
	return '' !== $wrapper_attr ? '<div ' . $wrapper_attr . '>' . $html . '</div>' : $html;
}
