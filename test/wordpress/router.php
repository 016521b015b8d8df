<?php
/**
 * Router of PHP's built-in server for a WordPress subdirectory multisite (test only): what
 * WordPress's .htaccess does for Apache (`/site/wp-admin/…` → `/wp-admin/…`, `/site/x.php` → `/x.php`,
 * anything else → index.php). Runs in the global scope, as WordPress expects: every variable is
 * prefixed so as not to clash with WordPress's globals.
 */
$__sc_root = rtrim( $_SERVER['DOCUMENT_ROOT'], '/' );
$__sc_uri  = rawurldecode( (string) parse_url( $_SERVER['REQUEST_URI'], PHP_URL_PATH ) );
$__sc_path = $__sc_uri;
if ( ! file_exists( $__sc_root . $__sc_uri ) ) {
	if ( preg_match( '#^/[_0-9a-zA-Z-]+(/wp-(?:content|admin|includes)(?:/.*)?)$#', $__sc_uri, $__sc_m ) ) {
		$__sc_path = $__sc_m[1];
	} elseif ( preg_match( '#^/[_0-9a-zA-Z-]+(/[^/]+\.php)$#', $__sc_uri, $__sc_m ) ) {
		$__sc_path = $__sc_m[1];
	}
}
if ( is_dir( $__sc_root . $__sc_path ) && is_file( rtrim( $__sc_root . $__sc_path, '/' ) . '/index.php' ) && '/' !== $__sc_path ) {
	$__sc_path = rtrim( $__sc_path, '/' ) . '/index.php';
}
$__sc_file = $__sc_root . $__sc_path;
if ( '/' !== $__sc_path && is_file( $__sc_file ) ) {
	if ( '.php' !== substr( $__sc_file, -4 ) ) {
		if ( $__sc_path === $__sc_uri ) {
			return false; // the built-in server serves it
		}
		$__sc_types = array( 'css' => 'text/css', 'js' => 'text/javascript', 'json' => 'application/json', 'svg' => 'image/svg+xml', 'png' => 'image/png', 'gif' => 'image/gif', 'woff2' => 'font/woff2', 'woff' => 'font/woff', 'ttf' => 'font/ttf' );
		$__sc_ext   = strtolower( pathinfo( $__sc_file, PATHINFO_EXTENSION ) );
		header( 'Content-Type: ' . ( isset( $__sc_types[ $__sc_ext ] ) ? $__sc_types[ $__sc_ext ] : 'application/octet-stream' ) );
		readfile( $__sc_file );
		return true;
	}
	$_SERVER['SCRIPT_FILENAME'] = $__sc_file;
	$_SERVER['SCRIPT_NAME']     = $__sc_path;
	$_SERVER['PHP_SELF']        = $__sc_path;
	chdir( dirname( $__sc_file ) );
	require $__sc_file;
	return true;
}
$_SERVER['SCRIPT_FILENAME'] = $__sc_root . '/index.php';
$_SERVER['SCRIPT_NAME']     = '/index.php';
$_SERVER['PHP_SELF']        = '/index.php';
chdir( $__sc_root );
require $__sc_root . '/index.php';
