<?php
/**
 * The plugin's settings: one option, always read through colloquy_settings() so every
 * value has its type whatever the database holds.
 *
 * @package Colloquy
 */

defined( 'ABSPATH' ) || exit;

const COLLOQUY_OPTION = 'colloquy_settings';

/**
 * The colours a site owner may set, each a public CSS custom property of Colloquy's.
 *
 * @return array<string, string> Setting key => custom property.
 */
function colloquy_color_properties() {
	return array(
		'accent'     => '--colloquy-color-accent',
		'on_accent'  => '--colloquy-color-on-accent',
		'text'       => '--colloquy-color-text',
		'muted'      => '--colloquy-color-muted',
		'background' => '--colloquy-color-background',
		'surface'    => '--colloquy-color-surface',
		'border'     => '--colloquy-color-border',
	);
}

/**
 * Defaults: on for posts and pages, WordPress's own thread depth, the theme's colours,
 * guests may post as they may through the theme's form, sign-in with the site's accounts.
 *
 * @return array
 */
function colloquy_default_settings() {
	return array(
		'post_types'     => array( 'post', 'page' ),
		'max_depth'      => 0,
		'colors'         => array_fill_keys( array_keys( colloquy_color_properties() ), '' ),
		'anonymous_rest' => true,
		'sign_in'        => true,
	);
}

/**
 * The settings, with defaults for anything missing and every value checked again.
 *
 * @return array
 */
function colloquy_settings() {
	$saved = get_option( COLLOQUY_OPTION, array() );
	return colloquy_sanitize_settings( is_array( $saved ) ? $saved : array(), true );
}

/**
 * Cleans settings as submitted by the settings page (or read from the database).
 *
 * @param mixed $input   The submitted option value.
 * @param bool  $partial Whether missing keys take their defaults (reading) rather than
 *                       meaning "unchecked" (a submitted form leaves out unchecked boxes).
 * @return array
 */
function colloquy_sanitize_settings( $input, $partial = false ) {
	$defaults = colloquy_default_settings();
	$input    = is_array( $input ) ? $input : array();
	$clean    = array();

	if ( isset( $input['post_types'] ) && is_array( $input['post_types'] ) ) {
		$clean['post_types'] = array_values( array_unique( array_filter( array_map( 'sanitize_key', $input['post_types'] ) ) ) );
	} else {
		$clean['post_types'] = $partial ? $defaults['post_types'] : array();
	}

	$depth              = isset( $input['max_depth'] ) ? absint( $input['max_depth'] ) : 0;
	$clean['max_depth'] = min( $depth, 10 );

	$clean['colors'] = $defaults['colors'];
	if ( isset( $input['colors'] ) && is_array( $input['colors'] ) ) {
		foreach ( array_keys( $clean['colors'] ) as $key ) {
			if ( isset( $input['colors'][ $key ] ) && is_string( $input['colors'][ $key ] ) ) {
				// sanitize_hex_color() is only loaded in the Customizer; the same check here.
				$value                   = strtolower( trim( $input['colors'][ $key ] ) );
				$clean['colors'][ $key ] = preg_match( '/^#([0-9a-f]{3}){1,2}$/', $value ) ? $value : '';
			}
		}
	}

	foreach ( array( 'anonymous_rest', 'sign_in' ) as $flag ) {
		$clean[ $flag ] = isset( $input[ $flag ] ) ? (bool) $input[ $flag ] : ( $partial ? $defaults[ $flag ] : false );
	}
	return $clean;
}

/**
 * Whether Colloquy replaces the comment area of this post.
 *
 * @param WP_Post|int|null $post The post.
 * @return bool
 */
function colloquy_is_enabled_for( $post ) {
	$post = get_post( $post );
	if ( ! $post ) {
		return false;
	}
	$enabled = in_array( $post->post_type, colloquy_settings()['post_types'], true )
		&& post_type_supports( $post->post_type, 'comments' );
	/**
	 * Filters whether Colloquy replaces this post's comment area.
	 *
	 * @param bool    $enabled Whether the post's type is enabled on the settings page.
	 * @param WP_Post $post    The post.
	 */
	return (bool) apply_filters( 'colloquy_enabled', $enabled, $post );
}

// Guests commenting through the REST API is off in WordPress unless a filter allows it;
// the theme's own form (wp-comments-post.php) never needed it. Allowed here exactly when
// the site lets guests comment at all, so Colloquy takes what the theme's form takes.
add_filter(
	'rest_allow_anonymous_comments',
	function ( $allowed ) {
		if ( colloquy_settings()['anonymous_rest'] && ! get_option( 'comment_registration' ) ) {
			return true;
		}
		return $allowed;
	}
);
