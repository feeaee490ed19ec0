<?php
/**
 * The comment area: the theme's comments template (classic themes) or Comments block
 * (block themes) is wrapped in <comment-thread>, so its server-rendered list and form stay
 * as the fallback for crawlers and visitors without JavaScript; Colloquy takes its place
 * once it has loaded the same comments.
 *
 * @package Colloquy
 */

defined( 'ABSPATH' ) || exit;

add_filter( 'comments_template', 'colloquy_comments_template', 20 );
add_filter( 'render_block_core/comments', 'colloquy_wrap_comments_block', 10, 3 );
add_action( 'wp_enqueue_scripts', 'colloquy_enqueue_assets' );
add_filter( 'script_loader_tag', 'colloquy_module_script_tag', 10, 2 );

/**
 * The theme's comments template, kept for templates/comments.php to include as the
 * fallback. Set by colloquy_comments_template().
 *
 * @param string|null $template The template to remember, or null to read it.
 * @return string
 */
function colloquy_theme_comments_template( $template = null ) {
	static $remembered = '';
	if ( null !== $template ) {
		$remembered = $template;
	}
	return $remembered;
}

/**
 * Classic themes: comments_template() includes ours, which includes the theme's inside
 * the element.
 *
 * @param string $theme_template The theme's comments template.
 * @return string
 */
function colloquy_comments_template( $theme_template ) {
	if ( ! colloquy_is_enabled_for( get_post() ) ) {
		return $theme_template;
	}
	colloquy_theme_comments_template( $theme_template );
	return dirname( __DIR__ ) . '/templates/comments.php';
}

/**
 * Block themes: the Comments block's HTML (its title, comment template, pagination and
 * form blocks) becomes the fallback inside the element.
 *
 * @param string   $content The block's HTML.
 * @param array    $block   The parsed block.
 * @param WP_Block $instance The block instance, whose context names the post.
 * @return string
 */
function colloquy_wrap_comments_block( $content, $block, $instance ) {
	$post_id = isset( $instance->context['postId'] ) ? (int) $instance->context['postId'] : 0;
	// The block's legacy mode goes through comments_template(), already wrapped there.
	if ( '' === trim( $content ) || ! $post_id || false !== strpos( $content, '<comment-thread' ) ) {
		return $content;
	}
	$post = get_post( $post_id );
	if ( ! $post || ! colloquy_is_enabled_for( $post ) ) {
		return $content;
	}
	return colloquy_open_element( $post ) . $content . colloquy_close_element();
}

/**
 * The element's opening, up to the fallback's container.
 *
 * @param WP_Post $post The post.
 * @return string
 */
function colloquy_open_element( $post ) {
	// The script is asked for here, where the element is known to be printed: a post
	// whose comment area the theme leaves out does not load it.
	wp_enqueue_script( 'colloquy' );
	wp_dequeue_script( 'comment-reply' );
	return '<comment-thread' . colloquy_html_attributes( colloquy_thread_attributes( $post ) ) . '>'
		. '<div slot="fallback" class="colloquy-fallback">';
}

/**
 * The element's end: Colloquy's form follows the fallback.
 *
 * @return string
 */
function colloquy_close_element() {
	return '</div><comment-form></comment-form></comment-thread>';
}

/**
 * Registers the script-tag bundle (served from the plugin's own folder, no third party)
 * and, on pages where Colloquy may show, its small stylesheet and the site's colours.
 */
function colloquy_enqueue_assets() {
	// No version in the URL: the bundle's chunks import the entry by its plain address,
	// and a second address would load a second copy of every element.
	wp_register_script( 'colloquy', plugins_url( 'dist/colloquy.js', COLLOQUY_FILE ), array(), null, true ); // phpcs:ignore WordPress.WP.EnqueuedResourceParameters.MissingVersion

	if ( ! is_singular() || ! colloquy_is_enabled_for( get_queried_object() ) ) {
		return;
	}
	wp_enqueue_style( 'colloquy', plugins_url( 'assets/colloquy.css', COLLOQUY_FILE ), array(), COLLOQUY_VERSION );
	$css = colloquy_color_css();
	if ( '' !== $css ) {
		wp_add_inline_style( 'colloquy', $css );
	}
}

/**
 * The colours chosen on the settings page, as Colloquy's custom properties.
 *
 * @return string
 */
function colloquy_color_css() {
	$colors       = colloquy_settings()['colors'];
	$declarations = '';
	foreach ( colloquy_color_properties() as $key => $property ) {
		if ( '' !== $colors[ $key ] ) {
			$declarations .= $property . ':' . $colors[ $key ] . ';';
		}
	}
	return '' === $declarations ? '' : 'comment-thread.colloquy-thread{' . $declarations . '}';
}

/**
 * Colloquy's bundle is an ES module (WordPress 6.1 has no API for modules).
 *
 * @param string $tag    The script tag.
 * @param string $handle The script's handle.
 * @return string
 */
function colloquy_module_script_tag( $tag, $handle ) {
	if ( 'colloquy' !== $handle ) {
		return $tag;
	}
	return str_replace( '<script ', '<script type="module" ', preg_replace( '/ type=([\'"])text\/javascript\1/', '', $tag ) );
}
