<?php
// Deletes the plugin as wp-admin's Plugins → Delete does (which runs its uninstall.php) and
// prints what is left of its option. Run with the CLI: `php uninstall.php <site folder>`.
if (PHP_SAPI !== 'cli') {
    exit(1);
}
$site_folder = rtrim($argv[1] ?? '', '/');
$_SERVER['REQUEST_URI'] = '/';
require $site_folder . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';

$before = get_option('colloquy_settings', null);
deactivate_plugins('colloquy/colloquy.php', true);
uninstall_plugin('colloquy/colloquy.php');
wp_cache_delete('colloquy_settings', 'options');
wp_cache_delete('alloptions', 'options');
echo wp_json_encode([
    'before' => $before !== null,
    'after' => get_option('colloquy_settings', null) !== null,
]) . "\n";
