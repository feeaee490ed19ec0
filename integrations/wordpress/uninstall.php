<?php
/**
 * Removes what the plugin stored: its one option (on every site of a network).
 * Comments are WordPress's own and stay.
 *
 * @package Colloquy
 */

defined( 'WP_UNINSTALL_PLUGIN' ) || exit;

if ( is_multisite() ) {
	foreach ( get_sites( array( 'fields' => 'ids', 'number' => 0 ) ) as $colloquy_site_id ) {
		switch_to_blog( $colloquy_site_id );
		delete_option( 'colloquy_settings' );
		restore_current_blog();
	}
} else {
	delete_option( 'colloquy_settings' );
}
