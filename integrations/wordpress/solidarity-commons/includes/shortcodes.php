<?php
/**
 * One shortcode per widget, for the classic editor and page builders:
 * `[solidarity_practices topic="housing" locale="ca"]`, `[solidarity_practice slug="…"]`,
 * `[solidarity_sessions locale="ca" when="past"]`, `[solidarity_statements kind="open-call"]`,
 * `[solidarity_submit_practice call="…" privacy_url="…"]`. Attribute names are the element's
 * (`page-size`, `privacy-url`) or the same with underscores (`page_size`) or camelCase
 * (`pageSize`); unknown attributes and invalid values are left out.
 *
 * @package SolidarityCommons
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * The block attribute values of a shortcode's attributes (WordPress lower-cases the names).
 *
 * @param string $widget A key of solidarity_commons_widgets().
 * @param mixed  $atts   What WordPress parsed ('' when the shortcode has none).
 * @return array<string, string>
 */
function solidarity_commons_shortcode_values( $widget, $atts ) {
	$widgets = solidarity_commons_widgets();
	$atts    = is_array( $atts ) ? $atts : array();
	$values  = array();
	foreach ( $widgets[ $widget ]['attributes'] as $name ) {
		$element = solidarity_commons_element_attribute( $name );
		foreach ( array( $element, str_replace( '-', '_', $element ), strtolower( $name ) ) as $alias ) {
			if ( isset( $atts[ $alias ] ) && is_string( $atts[ $alias ] ) ) {
				$values[ $name ] = $atts[ $alias ];
				break;
			}
		}
	}
	return $values;
}

add_action(
	'init',
	static function () {
		foreach ( solidarity_commons_widgets() as $key => $def ) {
			add_shortcode(
				$def['shortcode'],
				static function ( $atts ) use ( $key ) {
					return solidarity_commons_render( $key, solidarity_commons_shortcode_values( $key, $atts ), 'class="solidarity-commons-shortcode"' );
				}
			);
		}
	}
);
