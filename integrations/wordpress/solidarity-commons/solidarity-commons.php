<?php
/**
 * Plugin Name:       Solidarity Commons
 * Description:       Show a Solidarity Commons network's good practices, online sessions, statements and practice submission form on this site: a block and a shortcode per widget, safe for every role (Authors and multisite site administrators included).
 * Version:           0.1.0
 * Requires at least: 6.1
 * Requires PHP:      7.4
 * Author:            Solidarity Commons
 * License:           GPL-2.0-or-later
 * License URI:       https://www.gnu.org/licenses/gpl-2.0.html
 * Text Domain:       solidarity-commons
 * Domain Path:       /languages
 * Network:           true
 *
 * Solidarity Commons for WordPress
 * Copyright (C) 2026 Solidarity Commons contributors
 *
 * This program is free software; you can redistribute it and/or modify it under the terms of the
 * GNU General Public License as published by the Free Software Foundation; either version 2 of
 * the License, or (at your option) any later version.
 *
 * This program is distributed in the hope that it will be useful, but WITHOUT ANY WARRANTY;
 * without even the implied warranty of MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.
 * See the GNU General Public License for more details.
 *
 * @package SolidarityCommons
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

define( 'SOLIDARITY_COMMONS_VERSION', '0.1.0' );
define( 'SOLIDARITY_COMMONS_FILE', __FILE__ );
define( 'SOLIDARITY_COMMONS_DIR', __DIR__ );

/**
 * Where the network's public pages of one item or one filtered list live, relative to the network's
 * URL, as the app defines it (cms/shared/embed.ts): `{locale}` the widget's language (left out
 * when it has none), `{plural}` practices, sessions or statements, `{slug}` the item's slug, left
 * out for lists, which take the widget's filters as a query string. Used for the fallback link inside
 * every element and for oEmbed discovery of pasted URLs. One constant, so that the pattern can follow
 * the app's embeddable pages.
 */
if ( ! defined( 'SOLIDARITY_COMMONS_EMBED_PATH' ) ) {
	define( 'SOLIDARITY_COMMONS_EMBED_PATH', '/embed/{locale}/{plural}/{slug}' );
}

/** The network's oEmbed endpoint, relative to the network's URL (oEmbed 1.0, section 2.2). */
if ( ! defined( 'SOLIDARITY_COMMONS_OEMBED_PATH' ) ) {
	define( 'SOLIDARITY_COMMONS_OEMBED_PATH', '/api/solidarity/oembed' );
}

/** The widget bundle, relative to the network's URL. */
if ( ! defined( 'SOLIDARITY_COMMONS_BUNDLE_PATH' ) ) {
	define( 'SOLIDARITY_COMMONS_BUNDLE_PATH', '/widgets/solidarity.js' );
}

require_once __DIR__ . '/includes/settings.php';
require_once __DIR__ . '/includes/widgets.php';
require_once __DIR__ . '/includes/render.php';
require_once __DIR__ . '/includes/assets.php';
require_once __DIR__ . '/includes/blocks.php';
require_once __DIR__ . '/includes/shortcodes.php';
require_once __DIR__ . '/includes/oembed.php';

add_action(
	'init',
	static function () {
		load_plugin_textdomain( 'solidarity-commons', false, dirname( plugin_basename( SOLIDARITY_COMMONS_FILE ) ) . '/languages' );
	},
	5
);
