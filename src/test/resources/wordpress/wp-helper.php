<?php
// Tolk's test fixture helper, run with PHP's CLI as root: php wp-helper.php <host:port> <command> [args]
//   install            installs WordPress once (wp_install), pretty permalinks, users, an application password;
//                      prints "password=<application password>" (a new one on every call)
//   permalinks <p>     sets the permalink structure (e.g. /%postname%/ or "" for plain) and flushes the rewrite rules
//   reset              deletes every post, attachment, tag and category except "Uncategorized"
//   password <user>    prints a new application password for that user
[$script, $hostPort, $command] = $argv + [null, null, null];
$_SERVER['HTTP_HOST'] = $hostPort;
$_SERVER['SERVER_NAME'] = preg_replace('/:.*/', '', $hostPort);
$_SERVER['SERVER_PORT'] = preg_replace('/^[^:]*:?/', '', $hostPort) ?: '80';
$_SERVER['REQUEST_URI'] = '/';
$_SERVER['REQUEST_METHOD'] = 'GET';
if ($command === 'install') define('WP_INSTALLING', true);
// no mail server here: wp_install's notice mail goes nowhere
function wp_mail() { return true; }
require '/usr/share/wordpress/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
require_once ABSPATH . 'wp-admin/includes/user.php';

function tolk_permalinks($structure) {
    global $wp_rewrite;
    // update_option('permalink_structure') alone leaves /wp-json at 404: the rewrite rules must be rebuilt
    $wp_rewrite->set_permalink_structure($structure);
    flush_rewrite_rules(false);
}

function tolk_password($login) {
    $user = get_user_by('login', $login);
    [$password] = WP_Application_Passwords::create_new_application_password($user->ID, ['name' => 'tolk-test-' . uniqid()]);
    echo "password=$password\n";
}

switch ($command) {
    case 'install':
        $url = 'http://' . $hostPort;
        if (!is_blog_installed()) {
            wp_install('Tolk test site', 'admin', 'admin@example.invalid', true, '', wp_generate_password(24));
        }
        update_option('siteurl', $url);
        update_option('home', $url);
        update_option('timezone_string', 'Europe/Oslo');
        update_option('blogdescription', '');
        if (!get_user_by('login', 'tolk')) {
            wp_insert_user(['user_login' => 'tolk', 'user_pass' => wp_generate_password(24), 'role' => 'editor',
                'display_name' => 'Tolk', 'user_email' => 'tolk@example.invalid']);
        }
        if (!get_user_by('login', 'kari')) {
            wp_insert_user(['user_login' => 'kari', 'user_pass' => wp_generate_password(24), 'role' => 'author',
                'display_name' => 'Kari Nordmann', 'first_name' => 'Kari', 'last_name' => 'Nordmann',
                'user_email' => 'kari@example.invalid']);
        }
        if (get_option('permalink_structure') !== '/%postname%/') tolk_permalinks('/%postname%/');
        echo 'version=' . get_bloginfo('version') . "\n";
        tolk_password('tolk');
        break;
    case 'permalinks':
        tolk_permalinks($argv[3] ?? '');
        echo 'permalink_structure=' . get_option('permalink_structure') . "\n";
        break;
    case 'password':
        tolk_password($argv[3]);
        break;
    case 'reset':
        global $wpdb;
        foreach (['posts', 'postmeta', 'term_relationships', 'termmeta', 'comments', 'commentmeta'] as $table) {
            $wpdb->query("TRUNCATE TABLE {$wpdb->prefix}$table");
        }
        $wpdb->query("DELETE FROM {$wpdb->prefix}term_taxonomy WHERE term_id <> 1");
        $wpdb->query("DELETE FROM {$wpdb->prefix}terms WHERE term_id <> 1");
        $wpdb->query("UPDATE {$wpdb->prefix}term_taxonomy SET count = 0");
        // the privacy policy page is gone; the option would make the next post with its id admin-only
        update_option('wp_page_for_privacy_policy', 0);
        wp_cache_flush();
        echo "reset\n";
        break;
    default:
        fwrite(STDERR, "unknown command $command\n");
        exit(2);
}
