#!/usr/bin/env bash
# Starts Debian's WordPress (packages wordpress, mariadb-server, apache2, libapache2-mod-php, php-mysql) on
# 127.0.0.1:<port> without systemd, for Tolk's tests. Idempotent: a second run reuses what is there.
#
#   wordpress-up.sh <state-dir> <port> <php-helper>     prints "password=<application password>" last
#
# MariaDB is the packaged service (`service mariadb start`, listening on 127.0.0.1 only, Debian's default).
# Apache runs as its own instance from <state-dir>/httpd.conf (Listen 127.0.0.1:<port> only), so the system's
# Apache configuration is not touched and nothing listens beyond the loopback address.
set -euo pipefail
state=$1
port=$2
helper=$3
host=127.0.0.1
mkdir -p "$state"
chmod 755 "$state"

if ! mysqladmin ping >/dev/null 2>&1; then
  service mariadb start >"$state/mariadb-start.log" 2>&1 || { cat "$state/mariadb-start.log" >&2; exit 1; }
fi

if [ ! -f "$state/db-password" ]; then
  head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' >"$state/db-password"
fi
dbpass=$(cat "$state/db-password")
mysql --protocol=socket -uroot <<SQL
CREATE DATABASE IF NOT EXISTS tolk_wordpress CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS 'tolk_wp'@'localhost' IDENTIFIED BY '$dbpass';
ALTER USER 'tolk_wp'@'localhost' IDENTIFIED BY '$dbpass';
GRANT ALL PRIVILEGES ON tolk_wordpress.* TO 'tolk_wp'@'localhost';
SQL

config=/etc/wordpress/config-$host.php
salt() { head -c 48 /dev/urandom | base64 | tr -dc 'A-Za-z0-9'; }
if [ ! -f "$config" ] || ! grep -q "$dbpass" "$config"; then
  cat >"$config" <<PHP
<?php
// Written by Tolk's test fixture (src/test/resources/wordpress/wordpress-up.sh).
define('DB_NAME', 'tolk_wordpress');
define('DB_USER', 'tolk_wp');
define('DB_PASSWORD', '$dbpass');
define('DB_HOST', 'localhost');
// application passwords need HTTPS unless the environment type is 'local'
define('WP_ENVIRONMENT_TYPE', 'local');
define('DISABLE_WP_CRON', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
define('WP_HTTP_BLOCK_EXTERNAL', true);
define('AUTH_KEY', '$(salt)');
define('SECURE_AUTH_KEY', '$(salt)');
define('LOGGED_IN_KEY', '$(salt)');
define('NONCE_KEY', '$(salt)');
define('AUTH_SALT', '$(salt)');
define('SECURE_AUTH_SALT', '$(salt)');
define('LOGGED_IN_SALT', '$(salt)');
define('NONCE_SALT', '$(salt)');
PHP
  chown root:www-data "$config"
  chmod 640 "$config"
fi

# the test hooks (a delay switched on by a file) as a must-use plugin
mkdir -p /var/lib/wordpress/wp-content/mu-plugins /var/lib/wordpress/wp-content/uploads
cp "$(dirname "$helper")/tolk-test-hooks.php" /var/lib/wordpress/wp-content/mu-plugins/tolk-test-hooks.php
chown -R www-data:www-data /var/lib/wordpress/wp-content/uploads

cat >"$state/httpd.conf" <<CONF
# Tolk's test WordPress: an Apache instance of its own, on the loopback address only.
ServerRoot /etc/apache2
PidFile $state/apache.pid
DefaultRuntimeDir $state
Listen $host:$port
ServerName $host
User www-data
Group www-data
ErrorLog $state/apache-error.log
LogLevel warn
LoadModule mpm_prefork_module /usr/lib/apache2/modules/mod_mpm_prefork.so
LoadModule authz_core_module /usr/lib/apache2/modules/mod_authz_core.so
LoadModule dir_module /usr/lib/apache2/modules/mod_dir.so
LoadModule mime_module /usr/lib/apache2/modules/mod_mime.so
LoadModule alias_module /usr/lib/apache2/modules/mod_alias.so
LoadModule rewrite_module /usr/lib/apache2/modules/mod_rewrite.so
LoadModule php_module /usr/lib/apache2/modules/libphp8.2.so
StartServers 2
MinSpareServers 2
MaxSpareServers 6
MaxRequestWorkers 16
TypesConfig /etc/mime.types
LogFormat "%h %t \"%r\" %>s %b %D" timed
CustomLog $state/apache-access.log timed
<FilesMatch "\.php\$">
    SetHandler application/x-httpd-php
</FilesMatch>
DirectoryIndex index.php index.html
DocumentRoot /usr/share/wordpress
Alias /wp-content /var/lib/wordpress/wp-content
<Directory />
    AllowOverride None
    Require all denied
</Directory>
<Directory /usr/share/wordpress>
    Options FollowSymLinks
    AllowOverride None
    Require all granted
    # WordPress's rewrite rules (what Debian's /etc/wordpress/htaccess has commented out)
    RewriteEngine On
    RewriteBase /
    RewriteRule ^index\.php\$ - [L]
    RewriteCond %{REQUEST_FILENAME} !-f
    RewriteCond %{REQUEST_FILENAME} !-d
    RewriteRule . /index.php [L]
</Directory>
<Directory /var/lib/wordpress/wp-content>
    Options FollowSymLinks
    Require all granted
</Directory>
CONF

if ! { [ -f "$state/apache.pid" ] && kill -0 "$(cat "$state/apache.pid")" 2>/dev/null; }; then
  apache2 -f "$state/httpd.conf" -k start
fi

php "$helper" "$host:$port" install
