<?php
/**
 * Sign-in with the visitor's account on this site, in a popup: Colloquy opens the login
 * page (wp-login.php, or another provider's) with `redirect_to` set to the callback below,
 * which reports the result to the page as docs/sign-in-protocol.md describes. Only the
 * login cookie comes out of it; the page then asks WordPress for a REST nonce
 * (admin-ajax.php?action=rest-nonce, same-origin only). No password or token reaches it.
 *
 * @package Colloquy
 */

defined( 'ABSPATH' ) || exit;

/** The query variable that marks a request for the callback page. */
const COLLOQUY_CALLBACK_VAR = 'colloquy-sign-in';

/**
 * The ways a visitor can sign in, as offered to Colloquy.
 *
 * @return array<int, array{id: string, name: string, url: string, iconUrl?: string}>
 */
function colloquy_sign_in_providers() {
	$providers = array(
		array(
			'id'   => 'wordpress',
			'name' => wp_specialchars_decode( get_bloginfo( 'name' ), ENT_QUOTES ) ? wp_specialchars_decode( get_bloginfo( 'name' ), ENT_QUOTES ) : 'WordPress',
			'url'  => wp_login_url(),
		),
	);

	/**
	 * Filters the sign-in choices Colloquy offers visitors who are not logged in.
	 *
	 * Each provider is an array with:
	 * - `id`: a short, stable name (lowercase letters, digits and dashes), e.g. `github`;
	 *   Colloquy has icons of its own for `wordpress`, `github`, `google`, `facebook`,
	 *   `twitter` and `email`.
	 * - `name`: the name shown to visitors.
	 * - `url`: where the sign-in starts (http or https). Colloquy adds a `redirect_to`
	 *   parameter: the provider must end with the visitor logged in to WordPress (the
	 *   usual login cookie) and send the browser to that address, as wp-login.php does.
	 *   A social-login plugin's login link that honours `redirect_to` fits.
	 * - `iconUrl` (optional): an http(s) or `data:image/svg+xml` icon.
	 *
	 * Remove `wordpress` from the list to hide the site's own login.
	 *
	 * @param array $providers The providers, the site's own login first.
	 */
	$providers = apply_filters( 'colloquy_sign_in_providers', $providers );

	$clean = array();
	foreach ( is_array( $providers ) ? $providers : array() as $provider ) {
		if ( ! is_array( $provider ) || ! isset( $provider['id'], $provider['name'], $provider['url'] ) ) {
			continue;
		}
		$id   = (string) $provider['id'];
		$name = trim( wp_strip_all_tags( (string) $provider['name'] ) );
		$url  = esc_url_raw( (string) $provider['url'], array( 'http', 'https' ) );
		if ( ! preg_match( '/^[a-z0-9][a-z0-9.-]{0,39}$/', $id ) || '' === $name || '' === $url ) {
			continue;
		}
		$entry = array(
			'id'   => $id,
			'name' => $name,
			'url'  => $url,
		);
		if ( ! empty( $provider['iconUrl'] ) && is_string( $provider['iconUrl'] ) ) {
			$entry['iconUrl'] = $provider['iconUrl'];
		}
		$clean[] = $entry;
	}
	return $clean;
}

/**
 * The callback page's address (on the site's front end, so it works with or without
 * pretty permalinks).
 *
 * @return string
 */
function colloquy_sign_in_callback_url() {
	return add_query_arg( COLLOQUY_CALLBACK_VAR, 'callback', home_url( '/' ) );
}

add_action( 'template_redirect', 'colloquy_serve_sign_in_callback', 0 );

/**
 * Serves the callback page: a blank page whose script hands the result to the window
 * that opened the sign-in, then closes.
 */
function colloquy_serve_sign_in_callback() {
	// phpcs:ignore WordPress.Security.NonceVerification.Recommended -- the protocol's `state`, checked by the page, protects this request; it changes nothing here.
	if ( ! isset( $_GET[ COLLOQUY_CALLBACK_VAR ] ) ) {
		return;
	}
	// Read from the query string itself: on the home page WordPress unsets $_GET['error']
	// (class-wp.php, its 404 handling), and the page would redirect to itself forever.
	$query = array();
	wp_parse_str( isset( $_SERVER['QUERY_STRING'] ) ? wp_unslash( (string) $_SERVER['QUERY_STRING'] ) : '', $query ); // phpcs:ignore WordPress.Security.ValidatedSanitizedInput.InputNotSanitized -- only tested for presence.
	if ( ! is_user_logged_in() && ! isset( $query['error'] ) ) {
		// Reached without logging in (the login was left, or the link was followed by
		// hand): the page hears a refusal and offers the choice again.
		wp_safe_redirect( add_query_arg( 'error', 'access_denied' ) );
		exit;
	}

	nocache_headers();
	header( 'Content-Type: text/html; charset=utf-8' );
	header( 'Referrer-Policy: no-referrer' );
	header( 'X-Frame-Options: DENY' );
	$script = plugins_url( 'dist/sign-in-callback-page.js', COLLOQUY_FILE );
	$origin = wp_parse_url( $script, PHP_URL_SCHEME ) . '://' . wp_parse_url( $script, PHP_URL_HOST );
	$port   = wp_parse_url( $script, PHP_URL_PORT );
	if ( $port ) {
		$origin .= ':' . $port;
	}
	header( "Content-Security-Policy: default-src 'none'; script-src " . $origin . "; base-uri 'none'; form-action 'none'; frame-ancestors 'none'" );
	?>
<!doctype html>
<html <?php language_attributes(); ?>>
<meta charset="utf-8">
<meta name="referrer" content="no-referrer">
<meta name="robots" content="noindex">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title><?php esc_html_e( 'Signing in…', 'colloquy' ); ?></title>
<main>
<p role="status" data-when="pending"><?php esc_html_e( 'Signing you in… This window closes by itself.', 'colloquy' ); ?></p>
<p role="status" data-when="unreachable" hidden><?php esc_html_e( 'You are signed in. Go back to the page you came from.', 'colloquy' ); ?></p>
<p role="status" data-when="no-result" hidden><?php esc_html_e( 'This page finishes a sign-in started from a comment area; there is nothing to do here.', 'colloquy' ); ?></p>
</main>
<script type="module" src="<?php echo esc_url( $script ); ?>"></script>
</html>
	<?php
	exit;
}
