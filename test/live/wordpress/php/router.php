<?php
// Router for `php -S`: what Apache's rewrite rules do for WordPress. Existing static files
// are served as they are; PHP files and folders run their script; everything else
// (pretty permalinks, /wp-json/…) goes to index.php.
$root = $_SERVER['DOCUMENT_ROOT'];
// The site's folder under the document root ('' or '/wp'), as a site in a folder has it.
$base = rtrim((string) getenv('COLLOQUY_WP_BASE'), '/');
$path = urldecode(parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH) ?? '/');
if (strpos($path, '..') !== false) {
    http_response_code(400);
    return true;
}
$file = $root . $path;
if (is_dir($file) && is_file(rtrim($file, '/') . '/index.php')) {
    $file = rtrim($file, '/') . '/index.php';
    $path = rtrim($path, '/') . '/index.php';
}
if (is_file($file) && substr($file, -4) !== '.php') {
    return false;
}
if (!is_file($file)) {
    if ($base !== '' && $path !== $base && strpos($path, "$base/") !== 0) {
        http_response_code(404);
        return true;
    }
    $file = "$root$base/index.php";
    $path = "$base/index.php";
    // php -S guesses a PATH_INFO from the nearest folder with an index.php, which
    // WordPress would then read as the request; Apache's rewrite sets none.
    unset($_SERVER['PATH_INFO'], $_SERVER['ORIG_PATH_INFO']);
}
$_SERVER['SCRIPT_FILENAME'] = $file;
$_SERVER['SCRIPT_NAME'] = $path;
$_SERVER['PHP_SELF'] = $path;
chdir(dirname($file));
require $file;
