<?php
// Prepares the live rig for the plugin's tests, as a site owner would in wp-admin: activates
// the plugin, switches the theme and sets options (Settings → Discussion, the site's
// language). Run with the CLI: `php setup.php <site folder> <theme> [option=value]…`;
// prints one JSON line. Not a web page: refuses to run under a web server.
if (PHP_SAPI !== 'cli') {
    exit(1);
}
$site_folder = rtrim($argv[1] ?? '', '/');
$wanted_theme = $argv[2] ?? '';
$_SERVER['REQUEST_URI'] = '/';
require $site_folder . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';

$activated = activate_plugin('colloquy/colloquy.php');
if (is_wp_error($activated)) {
    fwrite(STDERR, 'activate_plugin: ' . $activated->get_error_message() . "\n");
    exit(1);
}
$found_theme = wp_get_theme($wanted_theme);
if (!$found_theme->exists()) {
    fwrite(STDERR, "The theme $wanted_theme is not installed.\n");
    exit(1);
}
switch_theme($wanted_theme);
foreach (array_slice($argv, 3) as $assignment) {
    [$option_name, $option_value] = explode('=', $assignment, 2) + [1 => ''];
    if ($option_name === 'WPLANG') {
        // WordPress keeps only languages whose files are installed (Debian's wordpress-l10n,
        // 30 MB); the locale is what the plugin reads, so it is stored as it is.
        global $wpdb;
        $wpdb->replace($wpdb->options, ['option_name' => 'WPLANG', 'option_value' => $option_value, 'autoload' => 'yes']);
        wp_cache_delete('alloptions', 'options');
        continue;
    }
    update_option($option_name, $option_value);
}
echo wp_json_encode([
    'theme' => get_stylesheet(),
    'blockTheme' => wp_is_block_theme(),
    'active' => is_plugin_active('colloquy/colloquy.php'),
]) . "\n";
