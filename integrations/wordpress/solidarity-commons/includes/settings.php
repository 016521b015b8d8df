<?php
/**
 * The network's URL: a setting per site (Settings → Solidarity Commons, for whoever can
 * `manage_options`, multisite site administrators included) and, on multisite, a default for every
 * site of the WordPress network (Network Admin → Settings → Solidarity Commons, super admins).
 *
 * @package SolidarityCommons
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/** Option (per site) and site option (multisite network default) holding the network's URL. */
const SOLIDARITY_COMMONS_OPTION = 'solidarity_commons_network_url';

/**
 * A network URL as stored: an absolute http(s) URL without query, fragment or trailing slash, or ''
 * for anything else (an empty field included).
 *
 * @param mixed $value What was typed.
 * @return string
 */
function solidarity_commons_sanitize_url( $value ) {
	if ( ! is_string( $value ) ) {
		return '';
	}
	$value = trim( $value );
	if ( '' === $value ) {
		return '';
	}
	$url = esc_url_raw( $value, array( 'http', 'https' ) );
	$parts = wp_parse_url( $url );
	if ( ! $url || empty( $parts['host'] ) || empty( $parts['scheme'] ) || ! in_array( strtolower( $parts['scheme'] ), array( 'http', 'https' ), true ) ) {
		return '';
	}
	$clean = strtolower( $parts['scheme'] ) . '://' . $parts['host'] . ( isset( $parts['port'] ) ? ':' . (int) $parts['port'] : '' ) . ( isset( $parts['path'] ) ? $parts['path'] : '' );
	return untrailingslashit( $clean );
}

/**
 * The network's URL for the current site: its own setting, else (multisite) the network default,
 * else ''. Without trailing slash.
 *
 * @return string
 */
function solidarity_commons_network_url() {
	$own = solidarity_commons_sanitize_url( get_option( SOLIDARITY_COMMONS_OPTION, '' ) );
	if ( '' !== $own ) {
		return $own;
	}
	return is_multisite() ? solidarity_commons_sanitize_url( get_site_option( SOLIDARITY_COMMONS_OPTION, '' ) ) : '';
}

add_action(
	'admin_init',
	static function () {
		register_setting(
			'solidarity_commons',
			SOLIDARITY_COMMONS_OPTION,
			array(
				'type'              => 'string',
				'default'           => '',
				'sanitize_callback' => static function ( $value ) {
					$clean = solidarity_commons_sanitize_url( $value );
					// Called twice when the option is first added (update_option then add_option): one message.
					if ( is_string( $value ) && '' !== trim( $value ) && '' === $clean && ! get_settings_errors( SOLIDARITY_COMMONS_OPTION ) ) {
						add_settings_error( SOLIDARITY_COMMONS_OPTION, 'invalid', __( 'The network address must be an http:// or https:// address.', 'solidarity-commons' ) );
					}
					return $clean;
				},
			)
		);
	}
);

add_action(
	'admin_menu',
	static function () {
		add_options_page(
			__( 'Solidarity Commons', 'solidarity-commons' ),
			__( 'Solidarity Commons', 'solidarity-commons' ),
			'manage_options',
			'solidarity-commons',
			'solidarity_commons_settings_page'
		);
	}
);

/** The site's settings page. */
function solidarity_commons_settings_page() {
	if ( ! current_user_can( 'manage_options' ) ) {
		return;
	}
	$default = is_multisite() ? solidarity_commons_sanitize_url( get_site_option( SOLIDARITY_COMMONS_OPTION, '' ) ) : '';
	?>
	<div class="wrap">
		<h1><?php echo esc_html__( 'Solidarity Commons', 'solidarity-commons' ); ?></h1>
		<?php /* WordPress prints the settings errors of pages under Settings (wp-admin/options-head.php). */ ?>
		<form method="post" action="options.php">
			<?php settings_fields( 'solidarity_commons' ); ?>
			<table class="form-table" role="presentation">
				<tr>
					<th scope="row"><label for="solidarity-commons-url"><?php echo esc_html__( 'Network address', 'solidarity-commons' ); ?></label></th>
					<td>
						<input type="url" class="regular-text code" id="solidarity-commons-url" name="<?php echo esc_attr( SOLIDARITY_COMMONS_OPTION ); ?>" value="<?php echo esc_attr( get_option( SOLIDARITY_COMMONS_OPTION, '' ) ); ?>" placeholder="<?php echo esc_attr( $default ? $default : 'https://commons.example.org' ); ?>" />
						<p class="description">
							<?php echo esc_html__( 'The address of the Solidarity Commons network whose practices, sessions and statements this site shows, for example https://commons.example.org.', 'solidarity-commons' ); ?>
							<?php if ( $default ) : ?>
								<br /><?php /* translators: %s: the network address set for every site */ echo esc_html( sprintf( __( 'Empty: the default of this WordPress network, %s.', 'solidarity-commons' ), $default ) ); ?>
							<?php endif; ?>
						</p>
					</td>
				</tr>
			</table>
			<?php submit_button(); ?>
		</form>
	</div>
	<?php
}

add_action(
	'network_admin_menu',
	static function () {
		add_submenu_page(
			'settings.php',
			__( 'Solidarity Commons', 'solidarity-commons' ),
			__( 'Solidarity Commons', 'solidarity-commons' ),
			'manage_network_options',
			'solidarity-commons',
			'solidarity_commons_network_settings_page'
		);
	}
);

/** The network default's page (multisite, super admins). */
function solidarity_commons_network_settings_page() {
	if ( ! current_user_can( 'manage_network_options' ) ) {
		return;
	}
	// phpcs:ignore WordPress.Security.NonceVerification.Recommended -- only a flag for the notice.
	$updated = isset( $_GET['updated'] );
	?>
	<div class="wrap">
		<h1><?php echo esc_html__( 'Solidarity Commons', 'solidarity-commons' ); ?></h1>
		<?php if ( $updated ) : ?>
			<div class="notice notice-success"><p><?php echo esc_html__( 'Settings saved.', 'solidarity-commons' ); ?></p></div>
		<?php endif; ?>
		<form method="post" action="<?php echo esc_url( network_admin_url( 'edit.php?action=solidarity_commons' ) ); ?>">
			<?php wp_nonce_field( 'solidarity_commons_network' ); ?>
			<table class="form-table" role="presentation">
				<tr>
					<th scope="row"><label for="solidarity-commons-url"><?php echo esc_html__( 'Network address', 'solidarity-commons' ); ?></label></th>
					<td>
						<input type="url" class="regular-text code" id="solidarity-commons-url" name="<?php echo esc_attr( SOLIDARITY_COMMONS_OPTION ); ?>" value="<?php echo esc_attr( get_site_option( SOLIDARITY_COMMONS_OPTION, '' ) ); ?>" placeholder="https://commons.example.org" />
						<p class="description"><?php echo esc_html__( 'The default for every site of this WordPress network; a site administrator may set another one in the site’s settings.', 'solidarity-commons' ); ?></p>
					</td>
				</tr>
			</table>
			<?php submit_button(); ?>
		</form>
	</div>
	<?php
}

add_action(
	'network_admin_edit_solidarity_commons',
	static function () {
		check_admin_referer( 'solidarity_commons_network' );
		if ( ! current_user_can( 'manage_network_options' ) ) {
			wp_die( esc_html__( 'Sorry, you are not allowed to manage options for this network.', 'solidarity-commons' ), 403 );
		}
		// phpcs:ignore WordPress.Security.ValidatedSanitizedInput.InputNotSanitized -- sanitised by solidarity_commons_sanitize_url.
		$value = isset( $_POST[ SOLIDARITY_COMMONS_OPTION ] ) ? wp_unslash( $_POST[ SOLIDARITY_COMMONS_OPTION ] ) : '';
		update_site_option( SOLIDARITY_COMMONS_OPTION, solidarity_commons_sanitize_url( $value ) );
		wp_safe_redirect( add_query_arg( array( 'page' => 'solidarity-commons', 'updated' => 'true' ), network_admin_url( 'settings.php' ) ) );
		exit;
	}
);
