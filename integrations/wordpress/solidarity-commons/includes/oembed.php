<?php
/**
 * The network as an oEmbed provider (oEmbed 1.0): a URL of one of its public pages
 * (SOLIDARITY_COMMONS_EMBED_PATH), pasted on its own line or into an Embed block, becomes the
 * embedded card, for every role, as YouTube links do. A registered provider is trusted, so no role
 * needs `unfiltered_html` for it.
 *
 * @package SolidarityCommons
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * The URL pattern (with `*`) of the network's public pages, or '' without a network.
 *
 * @return string
 */
function solidarity_commons_oembed_pattern() {
	$network = solidarity_commons_network_url();
	if ( '' === $network ) {
		return '';
	}
	$prefix = strstr( SOLIDARITY_COMMONS_EMBED_PATH, '{', true );
	return $network . ( false === $prefix ? SOLIDARITY_COMMONS_EMBED_PATH : $prefix ) . '*';
}

add_action(
	'init',
	static function () {
		$pattern = solidarity_commons_oembed_pattern();
		if ( '' !== $pattern ) {
			wp_oembed_add_provider( $pattern, solidarity_commons_network_url() . SOLIDARITY_COMMONS_OEMBED_PATH, false );
		}
	}
);

add_filter(
	'http_allowed_safe_ports',
	/**
	 * WordPress fetches oEmbed data only from ports 80, 443 and 8080; a network on another port (as a
	 * test or an intranet install) is allowed for its own host only.
	 *
	 * @param int[]  $ports Allowed ports.
	 * @param string $host  The requested host.
	 */
	static function ( $ports, $host ) {
		$network = wp_parse_url( solidarity_commons_network_url() );
		if ( is_array( $network ) && isset( $network['host'], $network['port'] ) && is_string( $host ) && strtolower( $host ) === strtolower( $network['host'] ) ) {
			$ports[] = (int) $network['port'];
		}
		return $ports;
	},
	10,
	2
);
