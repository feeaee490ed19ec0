<?php
/**
 * Replaces the theme's comments template: the theme's own template, inside Colloquy's
 * element. Included by comments_template(), in its scope: names here are prefixed so the
 * theme's template finds its variables as WordPress left them.
 *
 * @package Colloquy
 */

defined( 'ABSPATH' ) || exit;

$colloquy_theme_template = colloquy_theme_comments_template();

echo colloquy_open_element( get_post() ); // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- built from escaped attributes.

if ( $colloquy_theme_template && file_exists( $colloquy_theme_template ) ) {
	require $colloquy_theme_template;
} else {
	// As comments_template() does for a theme without one.
	require ABSPATH . WPINC . '/theme-compat/comments.php';
}

echo colloquy_close_element(); // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- fixed markup.
