<?php
// Installs WordPress into the rig's empty database and seeds what the live tests read.
// Run with the CLI: `php seed.php <site folder>`; prints one JSON line describing the
// users (with application passwords, which WordPress shows only once) and the posts.
// Not a web page: refuses to run under a web server.
if (PHP_SAPI !== 'cli') {
    exit(1);
}
$site = rtrim($argv[1] ?? '', '/');
define('WP_INSTALLING', true);
// No mail leaves the rig (Debian has no sendmail here; wp_install would try to send one).
function wp_mail() {
    return true;
}
$_SERVER['HTTP_HOST'] = '127.0.0.1';
$_SERVER['REQUEST_URI'] = '/';
require $site . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
require_once ABSPATH . 'wp-admin/includes/user.php';

$people = [
    'admin' => ['role' => 'administrator', 'name' => 'Ada Admin'],
    'editor' => ['role' => 'editor', 'name' => 'Eddie Editor'],
    'author' => ['role' => 'author', 'name' => 'Aria Author'],
    'subscriber' => ['role' => 'subscriber', 'name' => 'Sam Subscriber'],
];

$installed = wp_install('Colloquy live', 'admin', 'admin@example.test', true, '', 'admin-password', 'en_US');
if (is_wp_error($installed) || empty($installed['user_id'])) {
    fwrite(STDERR, "wp_install failed\n");
    exit(1);
}

foreach ([
    'permalink_structure' => '/%postname%/',
    'timezone_string' => 'UTC',
    'thread_comments' => 1,
    'thread_comments_depth' => 5,
    'comments_notify' => 0,
    'moderation_notify' => 0,
    'comment_previously_approved' => 1,
    'require_name_email' => 1,
    'default_comment_status' => 'open',
    'blogdescription' => 'A private WordPress for Colloquy tests',
] as $option => $value) {
    update_option($option, $value);
}
flush_rewrite_rules(false);

$users = [];
foreach ($people as $login => $person) {
    $id = $login === 'admin' ? (int) $installed['user_id'] : wp_insert_user([
        'user_login' => $login,
        'user_pass' => "$login-password",
        'user_email' => "$login@example.test",
        'role' => $person['role'],
    ]);
    if (is_wp_error($id)) {
        fwrite(STDERR, $id->get_error_message() . "\n");
        exit(1);
    }
    wp_update_user(['ID' => $id, 'display_name' => $person['name'], 'nickname' => $person['name'], 'first_name' => explode(' ', $person['name'])[0]]);
    [$password] = WP_Application_Passwords::create_new_application_password($id, ['name' => 'Colloquy live tests']);
    $users[$login] = [
        'id' => $id,
        'login' => $login,
        'password' => "$login-password",
        'applicationPassword' => $password,
        'email' => "$login@example.test",
        'name' => $person['name'],
        'role' => $person['role'],
    ];
}

$clock = strtotime('2024-03-01 09:00:00 UTC');
function seed_post(string $slug, string $title, int $author, string $status = 'open'): int {
    global $clock;
    $clock += 3600;
    return wp_insert_post([
        'post_title' => $title,
        'post_name' => $slug,
        'post_content' => "<!-- wp:paragraph --><p>$title: a post seeded for Colloquy's live tests.</p><!-- /wp:paragraph -->",
        'post_status' => 'publish',
        'post_author' => $author,
        'comment_status' => $status,
        'post_date_gmt' => gmdate('Y-m-d H:i:s', $clock),
        'post_date' => gmdate('Y-m-d H:i:s', $clock),
    ], true);
}

/** A comment by a guest (`['Name', 'email']`) or a user (a login), `$minutes` after the previous one. */
function seed_comment(int $post, $by, string $text, int $parent = 0, string $approved = '1'): int {
    global $clock, $users;
    $clock += 60;
    $fields = [
        'comment_post_ID' => $post,
        'comment_content' => $text,
        'comment_parent' => $parent,
        'comment_approved' => $approved === 'trash' || $approved === 'spam' ? '1' : $approved,
        'comment_date_gmt' => gmdate('Y-m-d H:i:s', $clock),
        'comment_date' => gmdate('Y-m-d H:i:s', $clock),
        'comment_author_IP' => '192.0.2.' . (crc32(is_array($by) ? $by[1] : $by) % 250 + 1),
        'comment_agent' => 'seed',
    ];
    if (is_array($by)) {
        $fields += ['comment_author' => $by[0], 'comment_author_email' => $by[1], 'comment_author_url' => $by[2] ?? '', 'user_id' => 0];
    } else {
        $user = $users[$by];
        $fields += ['comment_author' => $user['name'], 'comment_author_email' => $user['email'], 'comment_author_url' => '', 'user_id' => $user['id']];
    }
    $id = wp_insert_comment($fields);
    if (!$id) {
        fwrite(STDERR, "could not seed a comment\n");
        exit(1);
    }
    if ($approved === 'trash') {
        wp_trash_comment($id);
    } elseif ($approved === 'spam') {
        wp_spam_comment($id);
    }
    return (int) $id;
}

$grace = ['Grace Guest', 'grace@example.test', 'https://grace.example.test/'];
$olu = ['Olu Reader', 'olu@example.test'];

// The thread most reading tests look at: every shape WordPress can hand out.
$live = seed_post('live-thread', 'Live thread', $users['author']['id']);
$c = [];
$c['first'] = seed_comment($live, $grace, 'First! A guest comment with a <strong>bold</strong> word & an ampersand.');
$parent = $c['first'];
for ($depth = 2; $depth <= 6; $depth++) {
    $parent = seed_comment($live, $depth % 2 ? $grace : 'editor', "Reply at depth $depth.", $parent);
    $c["depth$depth"] = $parent;
}
$c['byPostAuthor'] = seed_comment($live, 'author', 'The post author answers here.');
$c['byAdmin'] = seed_comment($live, 'admin', 'An administrator chimes in.');
$c['bySubscriber'] = seed_comment($live, 'subscriber', 'A subscriber says hello.');
$c['held'] = seed_comment($live, ['Henry Held', 'henry@example.test'], 'A comment waiting for moderation.', 0, '0');
$c['spam'] = seed_comment($live, ['Spammy', 'spam@example.test', 'https://spam.example.test/'], 'Buy things, a spam comment.', 0, 'spam');
$c['trashedParent'] = seed_comment($live, $olu, 'This comment was trashed after its replies came.', 0, 'trash');
$c['underTrashed1'] = seed_comment($live, $grace, 'A reply whose parent is in the trash.', $c['trashedParent']);
$c['underTrashed2'] = seed_comment($live, 'subscriber', 'Another reply under the trashed comment.', $c['trashedParent']);
$c['last'] = seed_comment($live, $olu, 'The last top-level comment.');

$closed = seed_post('closed-thread', 'Closed thread', $users['editor']['id'], 'closed');
$closedComments = [
    seed_comment($closed, $grace, 'Said before comments closed.'),
    seed_comment($closed, 'editor', 'Closing comments now.'),
];

// 300 approved comments: 200 conversations, every other one with a reply.
$busy = seed_post('busy-thread', 'Busy thread', $users['author']['id']);
$count = 0;
for ($i = 1; $count < 300; $i++) {
    $top = seed_comment($busy, ["Reader $i", "reader$i@example.test"], "Busy comment $i.");
    $count++;
    if ($i % 2 === 0 && $count < 300) {
        seed_comment($busy, $i % 4 ? 'author' : $olu, "Reply to busy comment $i.", $top);
        $count++;
    }
}

// Where the live tests post, so the reading tests above see the same thread every run.
$posting = seed_post('posting-thread', 'Posting thread', $users['author']['id']);
$postingFirst = seed_comment($posting, $grace, 'Welcome, post below.');
$postingDeletable = seed_comment($posting, $olu, 'A comment an editor may delete.');

echo json_encode([
    'users' => $users,
    'posts' => [
        'live' => ['id' => $live, 'comments' => $c],
        'closed' => ['id' => $closed, 'comments' => $closedComments],
        'busy' => ['id' => $busy, 'commentCount' => $count],
        'posting' => ['id' => $posting, 'comments' => ['first' => $postingFirst, 'deletable' => $postingDeletable]],
    ],
]) . "\n";
