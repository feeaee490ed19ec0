<?php
/**
 * Plugin Name: Colloquy live test rig
 * Description: What a site owner of a Colloquy site would set, plus one test-only shim.
 */

// Guests may comment through the REST API (WordPress's default refuses them there).
add_filter('rest_allow_anonymous_comments', '__return_true');

// Every test client connects from 127.0.0.1, so WordPress's flood check (one comment per
// 15 seconds per IP address *or* e-mail) would make every guest wait for every other.
// Each e-mail address gets an address of its own, as distinct visitors would have; the
// flood check itself stays WordPress's own and still fires for one visitor posting twice.
add_filter('pre_comment_user_ip', function ($ip) {
    if ($ip !== '127.0.0.1' && $ip !== '::1') {
        return $ip;
    }
    $email = $_POST['author_email'] ?? $_POST['email'] ?? '';
    if ($email === '') {
        $json = json_decode((string) file_get_contents('php://input'), true);
        $email = is_array($json) ? ($json['author_email'] ?? '') : '';
    }
    $user = get_current_user_id();
    $seed = $user ? "user:$user" : "email:" . strtolower((string) $email);
    $hash = crc32($seed);
    return '10.' . (($hash >> 16) & 255) . '.' . (($hash >> 8) & 255) . '.' . ($hash & 255);
});
