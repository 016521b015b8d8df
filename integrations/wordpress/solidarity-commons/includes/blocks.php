<?php
/**
 * One dynamic block per widget. The editor script (assets/editor.js, plain JavaScript, no build step)
 * offers the embed builder's filters with the network's real topics, countries, organisations, calls
 * and practices, fetched from its public API; the post keeps only the block comment with the chosen
 * attributes (which WordPress's kses keeps for every role), and the element is rendered here.
 *
 * @package SolidarityCommons
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * The block attributes of a widget, as register_block_type() and the editor script take them.
 *
 * @param string $widget A key of solidarity_commons_widgets().
 * @return array<string, array{type: string, default?: mixed}>
 */
function solidarity_commons_block_attributes( $widget ) {
	$widgets = solidarity_commons_widgets();
	$attrs   = array();
	foreach ( $widgets[ $widget ]['attributes'] as $name ) {
		$attrs[ $name ] = 'pageSize' === $name
			? array( 'type' => 'number', 'default' => SOLIDARITY_COMMONS_DEFAULT_PAGE_SIZE )
			: array( 'type' => 'string', 'default' => 'when' === $name ? 'upcoming' : '' );
	}
	return $attrs;
}

/**
 * What the editor script needs: the network's URL, the widgets with their attributes, and the
 * labels of the fixed vocabularies (kinds, criteria, languages) in the user's language.
 *
 * @return array<string, mixed>
 */
function solidarity_commons_editor_data() {
	$widgets = array();
	foreach ( solidarity_commons_widgets() as $key => $def ) {
		$widgets[ $key ] = array(
			'name'        => $def['block'],
			'tag'         => $def['tag'],
			'title'       => $def['title'],
			'description' => $def['description'],
			'attributes'  => solidarity_commons_block_attributes( $key ),
		);
	}
	return array(
		'networkUrl'      => solidarity_commons_network_url(),
		'settingsUrl'     => current_user_can( 'manage_options' ) ? admin_url( 'options-general.php?page=solidarity-commons' ) : '',
		'widgets'         => $widgets,
		'defaultPageSize' => SOLIDARITY_COMMONS_DEFAULT_PAGE_SIZE,
		'maxPageSize'     => SOLIDARITY_COMMONS_MAX_PAGE_SIZE,
		'locales'         => array(
			array( 'value' => 'en', 'label' => 'English' ),
			array( 'value' => 'ca', 'label' => 'Català' ),
			array( 'value' => 'es', 'label' => 'Español' ),
			array( 'value' => 'el', 'label' => 'Ελληνικά' ),
			array( 'value' => 'fr', 'label' => 'Français' ),
		),
		'sessionKinds'    => array(
			array( 'value' => 'webinar', 'label' => __( 'Webinar', 'solidarity-commons' ) ),
			array( 'value' => 'peer-review', 'label' => __( 'Peer review', 'solidarity-commons' ) ),
			array( 'value' => 'seminar', 'label' => __( 'Seminar', 'solidarity-commons' ) ),
			array( 'value' => 'workshop', 'label' => __( 'Workshop', 'solidarity-commons' ) ),
			array( 'value' => 'assembly', 'label' => __( 'Assembly', 'solidarity-commons' ) ),
		),
		'statementKinds'  => array(
			array( 'value' => 'sector-statement', 'label' => __( 'Sector statement', 'solidarity-commons' ) ),
			array( 'value' => 'policy-reaction', 'label' => __( 'Policy reaction', 'solidarity-commons' ) ),
			array( 'value' => 'open-call', 'label' => __( 'Open call', 'solidarity-commons' ) ),
			array( 'value' => 'position-paper', 'label' => __( 'Position paper', 'solidarity-commons' ) ),
			array( 'value' => 'press-release', 'label' => __( 'Press release', 'solidarity-commons' ) ),
		),
		'criteria'        => array(
			array( 'value' => 'crisis-response', 'label' => __( 'Crisis response', 'solidarity-commons' ) ),
			array( 'value' => 'inter-cooperation', 'label' => __( 'Inter-cooperation', 'solidarity-commons' ) ),
			array( 'value' => 'public-procurement', 'label' => __( 'Public procurement', 'solidarity-commons' ) ),
			array( 'value' => 'youth', 'label' => __( 'Youth', 'solidarity-commons' ) ),
			array( 'value' => 'ecological-transition', 'label' => __( 'Ecological transition', 'solidarity-commons' ) ),
			array( 'value' => 'feminist-perspective', 'label' => __( 'Feminist perspective', 'solidarity-commons' ) ),
		),
	);
}

add_action(
	'init',
	static function () {
		wp_register_script(
			SOLIDARITY_COMMONS_EDITOR_HANDLE,
			plugins_url( 'assets/editor.js', SOLIDARITY_COMMONS_FILE ),
			array( 'wp-blocks', 'wp-element', 'wp-block-editor', 'wp-components', 'wp-i18n' ),
			SOLIDARITY_COMMONS_VERSION,
			true
		);
		wp_set_script_translations( SOLIDARITY_COMMONS_EDITOR_HANDLE, 'solidarity-commons', SOLIDARITY_COMMONS_DIR . '/languages' );
		foreach ( solidarity_commons_widgets() as $key => $def ) {
			register_block_type(
				$def['block'],
				array(
					'api_version'     => 2,
					'title'           => $def['title'],
					'description'     => $def['description'],
					'category'        => 'embed',
					'editor_script'   => SOLIDARITY_COMMONS_EDITOR_HANDLE,
					'attributes'      => solidarity_commons_block_attributes( $key ),
					'supports'        => array( 'html' => false, 'align' => array( 'wide', 'full' ) ),
					'render_callback' => static function ( $attributes ) use ( $key ) {
						$wrapper = function_exists( 'get_block_wrapper_attributes' ) ? get_block_wrapper_attributes() : 'class="wp-block-solidarity-commons-' . esc_attr( $key ) . '"';
						return solidarity_commons_render( $key, is_array( $attributes ) ? $attributes : array(), $wrapper );
					},
				)
			);
		}
	}
);

add_action(
	'enqueue_block_editor_assets',
	static function () {
		// The data is read when the editor script runs: after the user and language are known.
		wp_add_inline_script( SOLIDARITY_COMMONS_EDITOR_HANDLE, 'window.solidarityCommons = ' . wp_json_encode( solidarity_commons_editor_data() ) . ';', 'before' );
	}
);
