<?php
/**
 * Settings → Colloquy: where Colloquy replaces the comment area, how deep replies nest,
 * its colours, and whether guests and sign-in work as they do in the theme's form.
 * Saved through the Settings API, which checks the `manage_options` capability and the
 * form's nonce.
 *
 * @package Colloquy
 */

defined( 'ABSPATH' ) || exit;

add_action( 'admin_init', 'colloquy_register_settings' );
add_action( 'admin_menu', 'colloquy_add_settings_page' );
add_filter( 'plugin_action_links_' . plugin_basename( COLLOQUY_FILE ), 'colloquy_settings_link' );

/**
 * Registers the option with its sanitizer.
 */
function colloquy_register_settings() {
	register_setting(
		'colloquy',
		COLLOQUY_OPTION,
		array(
			'type'              => 'array',
			'sanitize_callback' => 'colloquy_sanitize_settings',
			'default'           => colloquy_default_settings(),
			'show_in_rest'      => false,
		)
	);
}

/**
 * Adds the page under Settings, for people who may manage options.
 */
function colloquy_add_settings_page() {
	$hook = add_options_page(
		__( 'Colloquy comments', 'colloquy' ),
		__( 'Colloquy', 'colloquy' ),
		'manage_options',
		'colloquy',
		'colloquy_render_settings_page'
	);
	add_action( 'admin_print_scripts-' . $hook, 'colloquy_settings_page_assets' );
}

/**
 * The colour picker WordPress ships, on the settings page only.
 */
function colloquy_settings_page_assets() {
	wp_enqueue_style( 'wp-color-picker' );
	wp_enqueue_script( 'wp-color-picker' );
	wp_add_inline_script( 'wp-color-picker', 'jQuery(function($){$(".colloquy-color").wpColorPicker();});' );
}

/**
 * A "Settings" link on the Plugins screen.
 *
 * @param string[] $links The plugin's action links.
 * @return string[]
 */
function colloquy_settings_link( $links ) {
	array_unshift(
		$links,
		'<a href="' . esc_url( admin_url( 'options-general.php?page=colloquy' ) ) . '">' . esc_html__( 'Settings', 'colloquy' ) . '</a>'
	);
	return $links;
}

/**
 * Post types that have comments and a front end.
 *
 * @return WP_Post_Type[]
 */
function colloquy_commentable_post_types() {
	return array_filter(
		get_post_types( array( 'public' => true ), 'objects' ),
		function ( $type ) {
			return post_type_supports( $type->name, 'comments' );
		}
	);
}

/**
 * The settings page.
 */
function colloquy_render_settings_page() {
	if ( ! current_user_can( 'manage_options' ) ) {
		wp_die( esc_html__( 'Sorry, you are not allowed to manage options for this site.', 'colloquy' ), 403 );
	}
	$settings    = colloquy_settings();
	$name        = COLLOQUY_OPTION;
	$wp_depth    = get_option( 'thread_comments' ) ? (int) get_option( 'thread_comments_depth', 5 ) : 1;
	$color_names = array(
		'accent'     => __( 'Accent (buttons, links)', 'colloquy' ),
		'on_accent'  => __( 'Text on the accent', 'colloquy' ),
		'text'       => __( 'Text', 'colloquy' ),
		'muted'      => __( 'Secondary text (dates, notes)', 'colloquy' ),
		'background' => __( 'Background of fields', 'colloquy' ),
		'surface'    => __( 'Background of panels', 'colloquy' ),
		'border'     => __( 'Borders', 'colloquy' ),
	);
	?>
	<div class="wrap">
		<h1><?php echo esc_html( get_admin_page_title() ); ?></h1>
		<p>
			<?php
			printf(
				/* translators: %s: link to Settings → Discussion */
				esc_html__( 'Colloquy follows your %s: who may comment, moderation, threading, paging and order.', 'colloquy' ),
				'<a href="' . esc_url( admin_url( 'options-discussion.php' ) ) . '">' . esc_html__( 'discussion settings', 'colloquy' ) . '</a>'
			);
			?>
		</p>
		<form method="post" action="options.php">
			<?php settings_fields( 'colloquy' ); ?>
			<table class="form-table" role="presentation">
				<tr>
					<th scope="row"><?php esc_html_e( 'Show Colloquy on', 'colloquy' ); ?></th>
					<td>
						<fieldset>
							<legend class="screen-reader-text"><?php esc_html_e( 'Show Colloquy on', 'colloquy' ); ?></legend>
							<?php foreach ( colloquy_commentable_post_types() as $type ) : ?>
								<label>
									<input type="checkbox" name="<?php echo esc_attr( $name ); ?>[post_types][]" value="<?php echo esc_attr( $type->name ); ?>" <?php checked( in_array( $type->name, $settings['post_types'], true ) ); ?>>
									<?php echo esc_html( $type->labels->name ); ?>
								</label><br>
							<?php endforeach; ?>
						</fieldset>
					</td>
				</tr>
				<tr>
					<th scope="row"><label for="colloquy-max-depth"><?php esc_html_e( 'Reply nesting', 'colloquy' ); ?></label></th>
					<td>
						<input type="number" id="colloquy-max-depth" name="<?php echo esc_attr( $name ); ?>[max_depth]" min="0" max="10" step="1" class="small-text" value="<?php echo esc_attr( (string) $settings['max_depth'] ); ?>" aria-describedby="colloquy-max-depth-help">
						<p class="description" id="colloquy-max-depth-help">
							<?php
							printf(
								/* translators: %d: the thread depth set in Settings → Discussion */
								esc_html__( 'Levels of replies shown indented; deeper replies are listed at the last level. 0 uses the discussion setting (%d).', 'colloquy' ),
								(int) $wp_depth
							);
							?>
						</p>
					</td>
				</tr>
				<tr>
					<th scope="row"><?php esc_html_e( 'Colours', 'colloquy' ); ?></th>
					<td>
						<fieldset>
							<legend class="screen-reader-text"><?php esc_html_e( 'Colours', 'colloquy' ); ?></legend>
							<p class="description"><?php esc_html_e( 'Leave a colour empty to keep Colloquy’s, which follows light and dark mode.', 'colloquy' ); ?></p>
							<?php foreach ( $color_names as $key => $label ) : ?>
								<p>
									<label for="colloquy-color-<?php echo esc_attr( $key ); ?>"><?php echo esc_html( $label ); ?></label><br>
									<input type="text" class="colloquy-color" id="colloquy-color-<?php echo esc_attr( $key ); ?>" name="<?php echo esc_attr( $name ); ?>[colors][<?php echo esc_attr( $key ); ?>]" value="<?php echo esc_attr( $settings['colors'][ $key ] ); ?>" pattern="#([0-9a-fA-F]{3}){1,2}" placeholder="#2271b1">
								</p>
							<?php endforeach; ?>
						</fieldset>
					</td>
				</tr>
				<tr>
					<th scope="row"><?php esc_html_e( 'Visitors', 'colloquy' ); ?></th>
					<td>
						<fieldset>
							<legend class="screen-reader-text"><?php esc_html_e( 'Visitors', 'colloquy' ); ?></legend>
							<label>
								<input type="checkbox" name="<?php echo esc_attr( $name ); ?>[anonymous_rest]" value="1" <?php checked( $settings['anonymous_rest'] ); ?>>
								<?php esc_html_e( 'Let visitors who are not logged in comment through Colloquy (the REST API), when the discussion settings let them comment at all', 'colloquy' ); ?>
							</label><br>
							<label>
								<input type="checkbox" name="<?php echo esc_attr( $name ); ?>[sign_in]" value="1" <?php checked( $settings['sign_in'] ); ?>>
								<?php esc_html_e( 'Offer to log in with an account on this site, in a popup', 'colloquy' ); ?>
							</label>
						</fieldset>
					</td>
				</tr>
			</table>
			<?php submit_button(); ?>
		</form>
	</div>
	<?php
}
