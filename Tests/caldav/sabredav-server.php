<?php
// A CalDAV server for the tests made of SabreDAV, the library inside
// Nextcloud and Baikal, as Debian ships it (php-sabre-dav), on PDO sqlite.
// Run with `php -S 127.0.0.1:PORT sabredav-server.php`; the environment
// says where the database is (ARSHJUL_DAV_DB, made by caldav.sh from the
// package's own sql files) and how users log in (ARSHJUL_DAV_AUTH: basic,
// or digest as Baikal's shipped configuration does). User anna, password
// hemligt. Only for 127.0.0.1.

// A line per request on stderr, which php -S shows: the tests count PUTs.
error_log($_SERVER['REQUEST_METHOD'] . ' ' . $_SERVER['REQUEST_URI']);

$pdo = new PDO('sqlite:' . getenv('ARSHJUL_DAV_DB'));
$pdo->setAttribute(PDO::ATTR_ERRMODE, PDO::ERRMODE_EXCEPTION);
require_once 'Sabre/autoload.php';

// Basic: the one user, checked here (SabreDAV's own PDO backend is Digest).
class TestBasicAuth extends \Sabre\DAV\Auth\Backend\AbstractBasic {
    protected function validateUserPass($username, $password) {
        return $username === 'anna' && $password === 'hemligt';
    }
}

$auth = getenv('ARSHJUL_DAV_AUTH') === 'digest'
    ? new \Sabre\DAV\Auth\Backend\PDO($pdo)
    : new TestBasicAuth();
$principals = new \Sabre\DAVACL\PrincipalBackend\PDO($pdo);
$calendars = new \Sabre\CalDAV\Backend\PDO($pdo);
$server = new \Sabre\DAV\Server(array(
    new \Sabre\CalDAV\Principal\Collection($principals),
    new \Sabre\CalDAV\CalendarRootNode($principals, $calendars),
));
$server->setBaseUri('/');
$server->addPlugin(new \Sabre\DAV\Auth\Plugin($auth, 'SabreDAV'));
$server->addPlugin(new \Sabre\DAVACL\Plugin());
$server->addPlugin(new \Sabre\CalDAV\Plugin());
$server->exec();
