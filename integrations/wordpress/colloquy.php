<?php
/**
 * Plugin Name:       Colloquy Comments
 * Description:       Turns the theme's comment area into Colloquy: threaded comments that post, reply and sign in without reloading the page, with the theme's own list and form kept for visitors without JavaScript.
 * Version:           0.1.0
 * Requires at least: 6.1
 * Requires PHP:      7.4
 * Author:            The Colloquy authors
 * License:           GPL-2.0-or-later
 * License URI:       https://www.gnu.org/licenses/gpl-2.0.html
 * Text Domain:       colloquy
 * Domain Path:       /languages
 *
 * @package Colloquy
 */

defined( 'ABSPATH' ) || exit;

define( 'COLLOQUY_VERSION', '0.1.0' );
define( 'COLLOQUY_FILE', __FILE__ );

require_once __DIR__ . '/includes/settings.php';
require_once __DIR__ . '/includes/discussion.php';
require_once __DIR__ . '/includes/sign-in.php';
require_once __DIR__ . '/includes/front.php';
require_once __DIR__ . '/includes/fallback.php';
require_once __DIR__ . '/includes/admin.php';

add_action( 'init', 'colloquy_load_textdomain' );

/**
 * The plugin's own strings (settings page, sign-in callback page) in the site's language:
 * WordPress's language packs first, else the .mo files shipped in languages/.
 */
function colloquy_load_textdomain() {
	load_plugin_textdomain( 'colloquy', false, dirname( plugin_basename( COLLOQUY_FILE ) ) . '/languages' );
}
