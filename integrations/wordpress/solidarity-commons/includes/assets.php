<?php
/**
 * The widget bundle, loaded as an ES module without a `?ver=` query string (the network serves it
 * with its own caching; a query string would make browsers load a second copy next to a snippet
 * pasted elsewhere on the page). WordPress 6.5 and later: `wp_enqueue_script_module()` with a null
 * version on the front end. Earlier versions (Debian 12 ships 6.1), and the block editor: a classic
 * script handle whose tag `script_loader_tag` rewrites to `<script type="module" src>`.
 *
 * @package SolidarityCommons
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/** Handle (and script module id) of the widget bundle. */
const SOLIDARITY_COMMONS_BUNDLE_HANDLE = 'solidarity-commons-widgets';
/** Handle of the block editor script. */
const SOLIDARITY_COMMONS_EDITOR_HANDLE = 'solidarity-commons-editor';

/**
 * The bundle's URL on the configured network, or '' when none is set.
 *
 * @return string
 */
function solidarity_commons_bundle_url() {
	$network = solidarity_commons_network_url();
	return '' === $network ? '' : $network . SOLIDARITY_COMMONS_BUNDLE_PATH;
}

/**
 * Enqueues the bundle once for the page being built (front end, or the block editor). Safe to call
 * for every widget rendered, before or after `wp_head` (late scripts go to the footer).
 */
function solidarity_commons_enqueue_bundle() {
	$src = solidarity_commons_bundle_url();
	if ( '' === $src ) {
		return;
	}
	if ( ! is_admin() && function_exists( 'wp_enqueue_script_module' ) ) {
		wp_enqueue_script_module( SOLIDARITY_COMMONS_BUNDLE_HANDLE, $src, array(), null );
		return;
	}
	if ( ! wp_script_is( SOLIDARITY_COMMONS_BUNDLE_HANDLE, 'registered' ) ) {
		wp_register_script( SOLIDARITY_COMMONS_BUNDLE_HANDLE, $src, array(), null, true );
	}
	wp_enqueue_script( SOLIDARITY_COMMONS_BUNDLE_HANDLE );
}

add_filter(
	'script_loader_tag',
	/**
	 * Our handle as `<script type="module" src="…">`, whatever WordPress or another plugin made of it
	 * (a `type="text/javascript"`, a `ver` query argument).
	 *
	 * @param string $tag    The tag WordPress built.
	 * @param string $handle Its handle.
	 * @param string $src    Its URL.
	 */
	static function ( $tag, $handle, $src ) {
		if ( SOLIDARITY_COMMONS_BUNDLE_HANDLE !== $handle ) {
			return $tag;
		}
		return '<script type="module" src="' . esc_url( remove_query_arg( 'ver', $src ) ) . '" id="' . esc_attr( SOLIDARITY_COMMONS_BUNDLE_HANDLE ) . '-js"></script>' . "\n";
	},
	10,
	3
);

add_action(
	'enqueue_block_editor_assets',
	static function () {
		// The editor previews the real widgets.
		solidarity_commons_enqueue_bundle();
	}
);
