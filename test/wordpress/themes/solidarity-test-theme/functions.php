<?php
// No emoji script: it would fetch images from s.w.org, and the test machine has no network.
remove_action( 'wp_head', 'print_emoji_detection_script', 7 );
remove_action( 'wp_print_styles', 'print_emoji_styles' );
