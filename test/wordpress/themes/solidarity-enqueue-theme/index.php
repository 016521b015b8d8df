<!doctype html>
<html <?php language_attributes(); ?>>
<head><meta charset="<?php bloginfo( 'charset' ); ?>"><?php wp_head(); ?></head>
<body>
<main>
<h1><?php bloginfo( 'name' ); ?></h1>
<solidarity-sessions locale="ca"></solidarity-sessions>
</main>
<?php wp_footer(); ?>
</body>
</html>
