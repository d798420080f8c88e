<?php
/*
 * Plugin Name: Tolk test hooks
 * Description: Installed by Tolk's test fixture only. When /tmp/tolk-wordpress/delay-after exists and holds a
 * number of seconds, a REST request that creates a post (POST /wp/v2/posts) is held that long after WordPress
 * has created the post and before the answer is sent: the moment a lost answer hurts most.
 */
add_filter('rest_post_dispatch', function ($response, $server, $request) {
    $file = '/tmp/tolk-wordpress/delay-after';
    if ($request->get_method() === 'POST' && preg_match('#^/wp/v2/posts/?$#', $request->get_route()) && is_readable($file)) {
        $seconds = (int) trim((string) file_get_contents($file));
        if ($seconds > 0) sleep($seconds);
    }
    return $response;
}, 10, 3);
