<?php
/**
 * Installs the test WordPress (run with PHP's CLI from the WordPress directory's parent, by
 * test/helpers/wordpress.ts), in two phases because multisite is decided by wp-config.php constants:
 *
 *   php install.php single WPDIR      wp_install() then install_network() and populate_network()
 *                                     (subdirectory network), as wp-admin/network.php does
 *   php install.php multisite WPDIR   (with MULTISITE in wp-config.php) network-activates the plugin,
 *                                     sets the network default URL, creates the sub-sites, the Author
 *                                     and an application password; prints JSON
 *
 * Reads WP_TEST_HOST (127.0.0.1:PORT) and WP_TEST_NETWORK_URL from the environment.
 */
$phase = $argv[1];
$dir   = rtrim( $argv[2], '/' );
$host  = getenv( 'WP_TEST_HOST' );

$_SERVER['HTTP_HOST']       = $host;
$_SERVER['SERVER_NAME']     = preg_replace( '/:.*/', '', $host );
$_SERVER['SERVER_PORT']     = preg_replace( '/^.*:/', '', $host );
$_SERVER['REQUEST_URI']     = '/';
$_SERVER['SCRIPT_NAME']     = '/index.php';
$_SERVER['PHP_SELF']        = '/index.php';
$_SERVER['REQUEST_METHOD']  = 'GET';
$_SERVER['SERVER_PROTOCOL'] = 'HTTP/1.1';
$_SERVER['REMOTE_ADDR']     = '127.0.0.1';

/** No mail leaves a test (WordPress's pluggable wp_mail). */
function wp_mail() {
	return true;
}

function fail( $what ) {
	fwrite( STDERR, $what . "\n" );
	exit( 1 );
}

if ( 'single' === $phase ) {
	define( 'WP_INSTALLING', true );
	// As wp-admin/network.php: $wpdb then knows the network's tables (wp_site, wp_blogs, …).
	define( 'WP_INSTALLING_NETWORK', true );
	require $dir . '/wp-load.php';
	require_once ABSPATH . 'wp-admin/includes/upgrade.php';
	foreach ( $wpdb->tables( 'ms_global' ) as $table => $prefixed_table ) {
		$wpdb->$table = $prefixed_table; // as wp-admin/network.php does
	}
	$result = wp_install( 'Solidarity Commons test network', 'admin', 'admin@example.org', true, '', 'Admin-password-2026' );
	if ( is_wp_error( $result ) ) {
		fail( $result->get_error_message() );
	}
	update_option( 'siteurl', 'http://' . $host );
	update_option( 'home', 'http://' . $host );
	install_network();
	$network = populate_network( 1, $host, 'admin@example.org', 'Solidarity Commons test network', '/', false );
	if ( is_wp_error( $network ) ) {
		fail( $network->get_error_message() );
	}
	echo wp_json_encode( array( 'installed' => true ) );
	exit( 0 );
}

require $dir . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';
require_once ABSPATH . 'wp-admin/includes/user.php';

$activated = activate_plugin( 'solidarity-commons/solidarity-commons.php', '', true );
if ( is_wp_error( $activated ) ) {
	fail( $activated->get_error_message() );
}
// The network default: every site shows this network unless its administrator sets another.
update_site_option( 'solidarity_commons_network_url', getenv( 'WP_TEST_NETWORK_URL' ) );
update_site_option( 'allowedthemes', array( 'solidarity-test-theme' => true, 'solidarity-enqueue-theme' => true ) );
switch_theme( 'solidarity-test-theme' );

// Site domains go through sanitize_user(), which drops the port's colon: keep this test's host:port.
add_filter(
	'sanitize_user',
	static function ( $clean, $raw ) use ( $host ) {
		return $raw === $host ? $raw : $clean;
	},
	10,
	2
);
// WordPress accepts only installed languages as a site's language; Debian's package has none but
// English, and the plugin brings its own Catalan strings.
add_filter(
	'sanitize_option_WPLANG',
	static function ( $value, $option, $original ) {
		return $original;
	},
	10,
	3
);
$members = wpmu_create_blog( $host, '/members/', 'Xarxa de membres', 1, array( 'public' => 1, 'WPLANG' => 'ca' ) );
if ( is_wp_error( $members ) ) {
	fail( $members->get_error_message() );
}
switch_to_blog( $members );
switch_theme( 'solidarity-test-theme' );
update_option( 'WPLANG', 'ca' );
restore_current_blog();

$themed = wpmu_create_blog( $host, '/theme/', 'Tema del desenvolupador', 1, array( 'public' => 1, 'WPLANG' => 'ca' ) );
if ( is_wp_error( $themed ) ) {
	fail( $themed->get_error_message() );
}
switch_to_blog( $themed );
switch_theme( 'solidarity-enqueue-theme' );
update_option( 'WPLANG', 'ca' );
restore_current_blog();

$author = wpmu_create_user( 'author', 'Author-password-2026', 'author@example.org' );
if ( ! $author ) {
	fail( 'could not create the author' );
}
add_user_to_blog( $members, $author, 'author' );
$site_admin = wpmu_create_user( 'siteadmin', 'Siteadmin-password-2026', 'siteadmin@example.org' );
add_user_to_blog( $members, $site_admin, 'administrator' );

if ( ! wp_is_application_passwords_available_for_user( get_userdata( $author ) ) ) {
	fail( 'application passwords are not available' );
}
$created = WP_Application_Passwords::create_new_application_password( $author, array( 'name' => 'solidarity-commons-test' ) );
if ( is_wp_error( $created ) ) {
	fail( $created->get_error_message() );
}

echo wp_json_encode(
	array(
		'members'             => $members,
		'theme'               => $themed,
		'author'              => $author,
		'siteAdmin'           => $site_admin,
		'applicationPassword' => $created[0],
		'unfilteredHtml'      => user_can( $author, 'unfiltered_html' ),
	)
);
