<?php
/**
 * The attributes of <comment-thread>: the post, the visitor's REST nonce, and the site's
 * discussion settings (Settings → Discussion), so Colloquy follows the same rules as the
 * theme's own comment list and form.
 *
 * @package Colloquy
 */

defined( 'ABSPATH' ) || exit;

/**
 * The largest page Colloquy asks for when the site does not break comments into pages.
 * Colloquy loads the rest with "Load more comments", so a huge post still shows at once.
 */
const COLLOQUY_UNPAGED_PAGE_SIZE = 200;

/**
 * Attributes for the post's <comment-thread>, unescaped (see colloquy_html_attributes()).
 *
 * @param WP_Post $post The post whose comments are shown.
 * @return array<string, string>
 */
function colloquy_thread_attributes( $post ) {
	$settings = colloquy_settings();

	$depth = get_option( 'thread_comments' ) ? max( 1, (int) get_option( 'thread_comments_depth', 5 ) ) : 1;
	if ( $settings['max_depth'] > 0 ) {
		$depth = $settings['max_depth'];
	}

	if ( get_option( 'page_comments' ) ) {
		$page_size = max( 1, (int) get_option( 'comments_per_page', 50 ) );
	} else {
		$top_level = (int) get_comments(
			array(
				'post_id' => $post->ID,
				'parent'  => 0,
				'status'  => 'approve',
				'count'   => true,
			)
		);
		$page_size = min( max( 50, $top_level ), COLLOQUY_UNPAGED_PAGE_SIZE );
	}

	$attributes = array(
		'adapter'               => 'wordpress',
		'class'                 => 'colloquy-thread',
		'endpoint'              => get_rest_url(),
		'post'                  => (string) $post->ID,
		'thread'                => (string) $post->ID,
		'max-depth'             => (string) $depth,
		'page-size'             => (string) $page_size,
		'sort'                  => 'desc' === get_option( 'comment_order' ) ? 'newest' : 'oldest',
		'lang'                  => get_bloginfo( 'language' ),
		'wp-comment-status'     => comments_open( $post ) ? 'open' : 'closed',
		'wp-guests'             => colloquy_guests_may_post() ? 'allowed' : 'sign-in-required',
		'wp-require-name-email' => get_option( 'require_name_email' ) ? 'true' : 'false',
	);

	if ( is_user_logged_in() ) {
		// Only for logged-in visitors: a nonce in a page served to everyone would sit in
		// full-page caches, and a guest's requests must not carry one.
		$attributes['wp-nonce'] = wp_create_nonce( 'wp_rest' );
	} else {
		// An empty list turns sign-in off (Settings → Colloquy, or the providers filter).
		$providers                = $settings['sign_in'] ? colloquy_sign_in_providers() : array();
		$attributes['wp-sign-in'] = wp_json_encode( $providers );
		if ( $providers ) {
			$attributes['sign-in-callback'] = colloquy_sign_in_callback_url();
		}
	}

	/**
	 * Filters the attributes of the <comment-thread> element (unescaped values).
	 *
	 * @param array<string, string> $attributes Attribute name => value.
	 * @param WP_Post               $post       The post.
	 */
	return apply_filters( 'colloquy_thread_attributes', $attributes, $post );
}

/**
 * Whether a visitor who is not logged in can post through the REST API, which is what
 * Colloquy posts through: WordPress's own filter decides (see settings.php).
 *
 * @return bool
 */
function colloquy_guests_may_post() {
	if ( get_option( 'comment_registration' ) ) {
		return false;
	}
	/** This filter is documented in wp-includes/rest-api/endpoints/class-wp-rest-comments-controller.php */
	return (bool) apply_filters( 'rest_allow_anonymous_comments', false, new WP_REST_Request( 'POST', '/wp/v2/comments' ) );
}

/**
 * Attributes as HTML, each value escaped; empty values are left out.
 *
 * @param array<string, string> $attributes Attribute name => value.
 * @return string
 */
function colloquy_html_attributes( $attributes ) {
	$html = '';
	foreach ( $attributes as $name => $value ) {
		if ( ! preg_match( '/^[a-z][a-z0-9-]*$/', (string) $name ) || '' === (string) $value ) {
			continue;
		}
		$html .= ' ' . $name . '="' . esc_attr( (string) $value ) . '"';
	}
	return $html;
}
