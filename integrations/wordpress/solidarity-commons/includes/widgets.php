<?php
/**
 * The widgets and their attributes, defined once: the blocks (PHP and the editor script, which
 * receives this table), the shortcodes and the server-side rendering all read it. The attributes and
 * their values are those of the app's embed builder (cms/admin/src/embed/snippet.ts: WIDGET_FILTERS,
 * WHEN, LAYOUTS, PRACTICE_CONTROLS) and of the widgets (widgets/custom-elements.json).
 *
 * @package SolidarityCommons
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/** Session kinds (the app's SESSION_KINDS, cms/server/src/content-types/vocabulary.ts). */
const SOLIDARITY_COMMONS_SESSION_KINDS = array( 'webinar', 'peer-review', 'seminar', 'workshop', 'assembly' );
/** Statement kinds (the app's STATEMENT_KINDS). */
const SOLIDARITY_COMMONS_STATEMENT_KINDS = array( 'sector-statement', 'policy-reaction', 'open-call', 'position-paper', 'press-release' );
/** Practice criteria (the app's PRACTICE_CRITERIA). */
const SOLIDARITY_COMMONS_CRITERIA = array( 'crisis-response', 'inter-cooperation', 'public-procurement', 'youth', 'ecological-transition', 'feminist-perspective' );
/** Filters a visitor may get on the practices list (the widget's `controls`, in this order). */
const SOLIDARITY_COMMONS_CONTROLS = array( 'topic', 'country', 'organisation', 'call', 'search' );
/** The languages offered in the editor; any BCP 47 tag is accepted in a shortcode. */
const SOLIDARITY_COMMONS_LOCALES = array( 'en', 'ca', 'es', 'el', 'fr' );
/** The widgets' own page size (left out of the element) and the largest they accept. */
const SOLIDARITY_COMMONS_DEFAULT_PAGE_SIZE = 10;
const SOLIDARITY_COMMONS_MAX_PAGE_SIZE     = 50;

/**
 * The widgets: key => tag (custom element), shortcode, block name, public page type, attributes
 * (block attribute names, camelCase, in the element's order). Titles are translated.
 *
 * @return array<string, array{tag: string, shortcode: string, block: string, type: string, attributes: string[], title: string, description: string, fallback: string}>
 */
function solidarity_commons_widgets() {
	return array(
		'practices'       => array(
			'tag'         => 'solidarity-practices',
			'shortcode'   => 'solidarity_practices',
			'block'       => 'solidarity-commons/practices',
			'type'        => 'practices',
			'attributes'  => array( 'locale', 'topic', 'country', 'organisation', 'call', 'criteria', 'q', 'layout', 'pageSize', 'controls' ),
			'title'       => __( 'Good practices', 'solidarity-commons' ),
			'description' => __( 'A list of the network’s good practices, filtered as you choose.', 'solidarity-commons' ),
			'fallback'    => __( 'See the good practices on the network’s site', 'solidarity-commons' ),
		),
		'practice'        => array(
			'tag'         => 'solidarity-practice',
			'shortcode'   => 'solidarity_practice',
			'block'       => 'solidarity-commons/practice',
			'type'        => 'practice',
			'attributes'  => array( 'slug', 'locale' ),
			'title'       => __( 'Good practice', 'solidarity-commons' ),
			'description' => __( 'One good practice of the network, in full.', 'solidarity-commons' ),
			'fallback'    => __( 'Read this practice on the network’s site', 'solidarity-commons' ),
		),
		'sessions'        => array(
			'tag'         => 'solidarity-sessions',
			'shortcode'   => 'solidarity_sessions',
			'block'       => 'solidarity-commons/sessions',
			'type'        => 'sessions',
			'attributes'  => array( 'locale', 'topic', 'organisation', 'kind', 'q', 'when', 'layout', 'pageSize' ),
			'title'       => __( 'Online sessions', 'solidarity-commons' ),
			'description' => __( 'The network’s upcoming or past online sessions.', 'solidarity-commons' ),
			'fallback'    => __( 'See the online sessions on the network’s site', 'solidarity-commons' ),
		),
		'statements'      => array(
			'tag'         => 'solidarity-statements',
			'shortcode'   => 'solidarity_statements',
			'block'       => 'solidarity-commons/statements',
			'type'        => 'statements',
			'attributes'  => array( 'locale', 'topic', 'organisation', 'kind', 'q', 'layout', 'pageSize' ),
			'title'       => __( 'Statements', 'solidarity-commons' ),
			'description' => __( 'The network’s statements, open calls and press releases.', 'solidarity-commons' ),
			'fallback'    => __( 'See the statements on the network’s site', 'solidarity-commons' ),
		),
		'submit-practice' => array(
			'tag'         => 'solidarity-submit-practice',
			'shortcode'   => 'solidarity_submit_practice',
			'block'       => 'solidarity-commons/submit-practice',
			'type'        => 'submit',
			'attributes'  => array( 'locale', 'call', 'privacyUrl' ),
			'title'       => __( 'Share a practice', 'solidarity-commons' ),
			'description' => __( 'The form visitors use to send a good practice to the network’s editors.', 'solidarity-commons' ),
			'fallback'    => __( 'Share a practice on the network’s site', 'solidarity-commons' ),
		),
	);
}

/**
 * Block attribute name => the element's attribute name (`pageSize` => `page-size`).
 *
 * @param string $name A block attribute name.
 * @return string
 */
function solidarity_commons_element_attribute( $name ) {
	return strtolower( preg_replace( '/([a-z])([A-Z])/', '$1-$2', $name ) );
}

/**
 * One attribute value as the element may carry it, or '' to leave it out. Enumerations must be one
 * of their values, the page size 1 to 50 (the default left out), the country an ISO 3166-1 alpha-2
 * code, the privacy notice an http(s) URL, the language a BCP 47 tag; slugs and search words are
 * plain text (escaped when written). Never throws.
 *
 * @param string $widget A key of solidarity_commons_widgets().
 * @param string $name   A block attribute name.
 * @param mixed  $value  What the block or shortcode holds.
 * @return string
 */
function solidarity_commons_clean_attribute( $widget, $name, $value ) {
	if ( is_int( $value ) || is_float( $value ) ) {
		$value = (string) $value;
	}
	if ( is_array( $value ) && 'controls' === $name ) {
		$value = implode( ',', array_filter( $value, 'is_string' ) );
	}
	if ( ! is_string( $value ) ) {
		return '';
	}
	$value = trim( $value );
	if ( '' === $value ) {
		return '';
	}
	switch ( $name ) {
		case 'locale':
			return preg_match( '/^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8}){0,3}$/', $value ) ? str_replace( '_', '-', $value ) : '';
		case 'country':
			return preg_match( '/^[A-Za-z]{2}$/', $value ) ? strtoupper( $value ) : '';
		case 'kind':
			$kinds = 'sessions' === $widget ? SOLIDARITY_COMMONS_SESSION_KINDS : SOLIDARITY_COMMONS_STATEMENT_KINDS;
			return in_array( $value, $kinds, true ) ? $value : '';
		case 'criteria':
			return in_array( $value, SOLIDARITY_COMMONS_CRITERIA, true ) ? $value : '';
		case 'when':
			return in_array( $value, array( 'upcoming', 'past' ), true ) ? $value : '';
		case 'layout':
			return 'grid' === $value ? 'grid' : '';
		case 'pageSize':
			if ( ! preg_match( '/^\d{1,4}$/', $value ) ) {
				return '';
			}
			$n = min( max( (int) $value, 1 ), SOLIDARITY_COMMONS_MAX_PAGE_SIZE );
			return SOLIDARITY_COMMONS_DEFAULT_PAGE_SIZE === $n ? '' : (string) $n;
		case 'controls':
			$asked = array_map( 'trim', explode( ',', strtolower( $value ) ) );
			return implode( ',', array_values( array_intersect( SOLIDARITY_COMMONS_CONTROLS, $asked ) ) );
		case 'privacyUrl':
			$url = esc_url_raw( $value, array( 'http', 'https' ) );
			return $url ? $url : '';
		case 'q':
			return function_exists( 'mb_substr' ) ? mb_substr( $value, 0, 200 ) : substr( $value, 0, 200 );
		default:
			// slug, topic, organisation, call: slugs or documentIds.
			return preg_match( '/^[\p{L}\p{N}_.~-]{1,200}$/u', $value ) ? $value : '';
	}
}

/**
 * The element's attributes (element name => clean value), in the widget's order, from a block's
 * or a shortcode's values keyed by block attribute name.
 *
 * @param string               $widget A key of solidarity_commons_widgets().
 * @param array<string, mixed> $values Block attribute name => value.
 * @return array<string, string>
 */
function solidarity_commons_element_attributes( $widget, array $values ) {
	$widgets = solidarity_commons_widgets();
	$out     = array();
	foreach ( $widgets[ $widget ]['attributes'] as $name ) {
		$clean = solidarity_commons_clean_attribute( $widget, $name, isset( $values[ $name ] ) ? $values[ $name ] : '' );
		if ( '' !== $clean ) {
			$out[ solidarity_commons_element_attribute( $name ) ] = $clean;
		}
	}
	return $out;
}
