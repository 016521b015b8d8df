<?php
add_action(
	'wp_enqueue_scripts',
	static function () {
		// The default WordPress way: a classic <script> with ?ver=<WordPress version>.
		wp_enqueue_script( 'solidarity', SOLIDARITY_TEST_NETWORK_URL . '/widgets/solidarity.js', array(), false, true );
	}
);
remove_action( 'wp_head', 'print_emoji_detection_script', 7 );
remove_action( 'wp_print_styles', 'print_emoji_styles' );
