<?php
// The plugin's decisions that a browser cannot see on the rig (whose must-use plugin lets
// guests post through the REST API whatever the settings say): run with the CLI,
// `php filters.php <site folder> <post id>`; prints one JSON line of answers.
if (PHP_SAPI !== 'cli') {
    exit(1);
}
$site_folder = rtrim($argv[1] ?? '', '/');
$post_id = (int) ($argv[2] ?? 0);
$_SERVER['REQUEST_URI'] = '/';
require $site_folder . '/wp-load.php';

// Only the plugin's own filter, as on a site without the rig's must-use plugin.
remove_filter('rest_allow_anonymous_comments', '__return_true');
$anonymous = function () {
    return apply_filters('rest_allow_anonymous_comments', false, new WP_REST_Request('POST', '/wp/v2/comments'));
};
$answers = [];
$with = function (array $settings, array $options, callable $ask) {
    $saved_settings = get_option('colloquy_settings', null);
    $saved_options = array_map('get_option', array_combine(array_keys($options), array_keys($options)));
    update_option('colloquy_settings', array_merge(colloquy_settings(), $settings));
    foreach ($options as $name => $value) {
        update_option($name, $value);
    }
    $answer = $ask();
    $saved_settings === null ? delete_option('colloquy_settings') : update_option('colloquy_settings', $saved_settings);
    foreach ($saved_options as $name => $value) {
        update_option($name, $value);
    }
    return $answer;
};
$answers['anonymousByDefault'] = $with([], ['comment_registration' => 0], $anonymous);
$answers['anonymousWhenOff'] = $with(['anonymous_rest' => false], ['comment_registration' => 0], $anonymous);
$answers['anonymousWhenRegistrationRequired'] = $with([], ['comment_registration' => 1], $anonymous);
$answers['guestsAttributeWhenRegistrationRequired'] = $with([], ['comment_registration' => 1], function () use ($post_id) {
    return colloquy_thread_attributes(get_post($post_id))['wp-guests'];
});
$answers['enabledForPosts'] = $with([], [], function () use ($post_id) {
    return colloquy_is_enabled_for($post_id);
});
$answers['enabledWhenPostsUnchecked'] = $with(['post_types' => ['page']], [], function () use ($post_id) {
    return colloquy_is_enabled_for($post_id);
});
$answers['templateWhenPostsUnchecked'] = $with(['post_types' => ['page']], [], function () use ($post_id) {
    $GLOBALS['post'] = get_post($post_id);
    return basename(dirname(apply_filters('comments_template', '/theme/comments.php'))) . '/' . basename(apply_filters('comments_template', '/theme/comments.php'));
});
$answers['signInWhenOff'] = $with(['sign_in' => false], [], function () use ($post_id) {
    $attributes = colloquy_thread_attributes(get_post($post_id));
    return [$attributes['wp-sign-in'], isset($attributes['sign-in-callback'])];
});
$answers['sanitized'] = colloquy_sanitize_settings([
    'post_types' => ['post', '<script>'],
    'max_depth' => '99',
    'colors' => ['accent' => 'red; } body { display:none', 'text' => '#ABC'],
    'sign_in' => '1',
]);
echo wp_json_encode($answers) . "\n";
