#!/usr/bin/env bash
# arshjul sync against real CalDAV servers started here on 127.0.0.1 —
# Radicale (with htpasswd users), Xandikos, and SabreDAV (the library of
# Nextcloud and Baikal, Debian's php-sabre-dav on PDO sqlite) once with
# Basic and once with Digest logins as Baikal ships — with Python's caldav
# library as the other calendar app. First sync, a second that sends
# nothing, edits on both sides, a conflict, deletes, a moved occurrence, a
# foreign event, a wrong password, a server that is down, one that never
# answers, an untrusted certificate, and kill -9 in the middle of a sync.
set -uo pipefail
cd "$(dirname "$0")/../.."
. Tests/e2e/lib.sh
client="python3 $(pwd)/Tests/caldav/client.py"
pids=()
at_exit+=('for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done')
export ARSHJUL_TODAY=2022-03-28

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
# wait_up URL: poll until the server answers (no fixed sleep).
wait_up() {
  for _ in $(seq 1 200); do curl -s -o /dev/null "$1" && return 0; sleep 0.05; done
  return 1
}

start_radicale() {
  tokens=yes challenge=0
  local dir=$work/radicale port
  port=$(free_port)
  mkdir -p "$dir/store"
  printf 'anna:hemligt\n' >"$dir/users"
  cat >"$dir/config" <<CONF
[server]
hosts = 127.0.0.1:$port
[auth]
type = htpasswd
htpasswd_filename = $dir/users
htpasswd_encryption = plain
[storage]
filesystem_folder = $dir/store
[rights]
type = owner_only
[logging]
level = info
CONF
  radicale --config "$dir/config" >"$dir/log" 2>&1 &
  pids+=($!)
  wait_up "http://127.0.0.1:$port/" || { echo "radicale did not start"; cat "$dir/log"; exit 1; }
  base=http://127.0.0.1:$port/anna
  user=anna
  pass=hemligt
  log=$dir/log
}

start_xandikos() {
  tokens=yes challenge=0
  local dir=$work/xandikos port
  port=$(free_port)
  mkdir -p "$dir"
  xandikos --defaults -d "$dir/data" -l 127.0.0.1 -p "$port" >"$dir/log" 2>&1 &
  pids+=($!)
  wait_up "http://127.0.0.1:$port/" || { echo "xandikos did not start"; cat "$dir/log"; exit 1; }
  base=http://127.0.0.1:$port/user/calendars
  user=""
  pass=""
  log=$dir/log
}

# start_sabredav basic|digest: SabreDAV under php -S (Tests/caldav/sabredav-server.php),
# its database made from the sql files the package ships.
start_sabredav() {
  # Digest: each new process first meets the server's challenge (a 401).
  tokens=no challenge=$([ "$1" = digest ] && echo 1 || echo 0)
  local dir=$work/sabredav-$1 port
  port=$(free_port)
  mkdir -p "$dir"
  python3 - "$dir/db.sqlite" <<'PY' || { echo "sabredav: cannot make its database"; exit 1; }
import hashlib, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
for part in ["calendars", "principals", "users", "locks"]:
    db.executescript(open(f"/usr/share/doc/php-sabre-dav/examples/sql/sqlite.{part}.sql").read())
for uri in ["principals/anna", "principals/anna/calendar-proxy-read", "principals/anna/calendar-proxy-write"]:
    db.execute("INSERT INTO principals (uri, email, displayname) VALUES (?, NULL, NULL)", (uri,))
# Digest's stored hash: md5(user:realm:password).
db.execute("INSERT INTO users (username, digesta1) VALUES ('anna', ?)", (hashlib.md5(b"anna:SabreDAV:hemligt").hexdigest(),))
db.commit()
PY
  ARSHJUL_DAV_DB=$dir/db.sqlite ARSHJUL_DAV_AUTH=$1 php -S "127.0.0.1:$port" Tests/caldav/sabredav-server.php >"$dir/log" 2>&1 &
  pids+=($!)
  wait_up "http://127.0.0.1:$port/" || { echo "sabredav did not start"; cat "$dir/log"; exit 1; }
  base=http://127.0.0.1:$port/calendars/anna
  user=anna
  pass=hemligt
  log=$dir/log
}

# requests [METHOD]: how many the server has logged (Radicale says "PUT
# request for", Xandikos '"PUT /', the SabreDAV script and the vanishing
# server "PUT /").
requests() {
  grep -cE "(^|[\" ])(${1:-GET|PUT|REPORT|PROPFIND|DELETE|MKCALENDAR}) (request for|/)" "$log" 2>/dev/null || echo 0
}

puts() { grep -cE 'PUT (request|/)' "$log" 2>/dev/null || echo 0; }

scenario() { # NAME
  local name=$1 cal=$base/plan-$RANDOM/
  local plan=$work/$name.json
  cp plans/kulturtillgangar-2022.json "$plan"
  export ARSHJUL_PASSWORD=$pass
  local auth=()
  [ -n "$user" ] && auth=(--user "$user")
  sync() { "$bin" sync "$plan" "${auth[@]}" "$@"; }
  dav() { $client "$cal" "$user" "$pass" "$@"; }

  out=$(sync --url "$cal" --create 2>&1)
  check "$name: first sync sends every item" sh -c "echo \"\$0\" | grep -q '^sent 36 new'" "$out"
  check "$name: the URL is remembered in the plan" grep -q "\"calendarURL\": \"$cal\"" "$plan"
  "$bin" export ics "$plan" -o "$work/$name.ics"
  check "$name: read back by caldav, identical to export ics" dav compare "$work/$name.ics"
  before=$(puts)
  asked=$(requests)
  out=$(sync 2>&1)
  check "$name: a second sync sends nothing" sh -c "echo \"\$0\" | grep -q '^sent 0 new, 0 changed, 0 deleted; received 0 changed'" "$out"
  check "$name: and the server saw no PUT" test "$(puts)" = "$before"
  # Right after the upload: the token from after our own writes lists nothing.
  expected=$(($([ "$tokens" = yes ] && echo 1 || echo 2) + challenge))
  check "$name: that sync is $expected request(s) ($(($(requests) - asked)))" test "$(($(requests) - asked))" = "$expected"
  # Ten events changed in a calendar app come in with one calendar-multiget.
  for uid in kulturting digital-julfika kulturkvall-katrineholm frukosttraff nyhetsbrev styrgruppsmote \
    sommartraff-trosa hostkonferens planeringsdag projektledaravstamning; do
    dav set "$uid" DESCRIPTION "Ändrat i mobilen"
  done
  gets=$(requests GET)
  reports=$(requests REPORT)
  sync >/dev/null 2>&1
  check "$name: ten changed events read with one multiget, no GET" sh -c "[ $(($(requests GET) - gets)) = 0 ] && [ $(($(requests REPORT) - reports)) -le $((2 + challenge)) ]"
  if [ "$tokens" = yes ]; then
    check "$name: the sync token is kept for next time (RFC 6578)" grep -q '"token": ' "$plan.arshjul-sync"
  else
    check "$name: no sync-collection here (SabreDAV 1.8 answers 403): no token, the listing is read" sh -c "! grep -q '\"token\": ' '$plan.arshjul-sync'"
  fi

  # Both sides edit: different items, and different fields of one item.
  python3 - "$plan" <<'PY'
import json, sys
p = json.load(open(sys.argv[1], encoding="utf-8"))
for a in p["activities"]:
    if a["id"] == "kulturting": a["location"] = "Munktellarenan, Eskilstuna"
    if a["id"] == "digital-julfika": a["location"] = "Teams"
json.dump(p, open(sys.argv[1], "w", encoding="utf-8"), indent=2, sort_keys=True, ensure_ascii=False)
open(sys.argv[1], "a").write("\n")
PY
  dav set kulturkvall-katrineholm SUMMARY "Kulturkväll i Katrineholm – med musik"
  dav set digital-julfika SUMMARY "Digital julfika med glögg"
  out=$(sync 2>&1)
  check "$name: edits on both sides merge" sh -c "echo \"\$0\" | grep -q '0 conflict'" "$out"
  check "$name: the calendar's title came into the plan" grep -q '"title": "Kulturkväll i Katrineholm – med musik"' "$plan"
  check "$name: both fields of one item kept" sh -c "grep -q '\"title\": \"Digital julfika med glögg\"' '$plan' && grep -q '\"location\": \"Teams\"' '$plan'"
  "$bin" export ics "$plan" -o "$work/$name-2.ics"
  check "$name: and the calendar has the plan's edits" dav compare "$work/$name-2.ics"

  # The same field on both sides: a recorded conflict.
  "$bin" add "$plan" --title "Tillfällig" --theme 1 --start 2022-04-04 >/dev/null
  python3 - "$plan" <<'PY'
import json, sys
p = json.load(open(sys.argv[1], encoding="utf-8"))
for a in p["activities"]:
    if a["id"] == "kulturting": a["title"] = "Kulturting (planens namn)"
json.dump(p, open(sys.argv[1], "w", encoding="utf-8"), indent=2, sort_keys=True, ensure_ascii=False)
open(sys.argv[1], "a").write("\n")
PY
  dav set kulturting SUMMARY "Kulturting (kalenderns namn)"
  sync >"$work/out" 2>&1
  check "$name: the same field on both sides: exit 1" test $? = 1
  check "$name: arshjul check names the conflict" sh -c "'$bin' check '$plan' 2>&1 | grep -q 'unresolved merge conflict: Kulturting (planens namn) (activity), title: ours Kulturting (planens namn) – kalendern Kulturting (kalenderns namn)'"
  "$bin" sync "$plan" "${auth[@]}" >"$work/refused" 2>&1
  check "$name: a sync with a conflict pending is refused" grep -q 'unresolved conflict' "$work/refused"
  # Resolve (theirs) as the UI would, by the plan file's own rules.
  python3 - "$plan" <<'PY'
import json, sys
p = json.load(open(sys.argv[1], encoding="utf-8"))
c = p.pop("conflicts")[0]
for a in p["activities"]:
    if a["id"] == c["id"]: a["title"] = c["theirs"]
json.dump(p, open(sys.argv[1], "w", encoding="utf-8"), indent=2, sort_keys=True, ensure_ascii=False)
open(sys.argv[1], "a").write("\n")
PY
  out=$(sync 2>&1)
  check "$name: after resolving, the sync is clean" sh -c "echo \"\$0\" | grep -q '0 conflict'" "$out"

  # A delete in the calendar deletes the unchanged item.
  dav delete tillfallig
  out=$(sync 2>&1)
  check "$name: a delete in the calendar deletes the item" sh -c "echo \"\$0\" | grep -q 'deleted in the calendar: Tillfällig' && ! grep -q '\"Tillfällig\"' '$plan'" "$out"
  # A delete in the plan deletes the resource.
  "$bin" add "$plan" --title "Kortlivad" --theme 1 --start 2022-04-05 >/dev/null
  sync >/dev/null 2>&1
  python3 - "$plan" <<'PY'
import json, sys
p = json.load(open(sys.argv[1], encoding="utf-8"))
p["activities"] = [a for a in p["activities"] if a["id"] != "kortlivad"]
json.dump(p, open(sys.argv[1], "w", encoding="utf-8"), indent=2, sort_keys=True, ensure_ascii=False)
open(sys.argv[1], "a").write("\n")
PY
  sync >/dev/null 2>&1
  check "$name: a delete in the plan deletes the event" sh -c "[ \$($client '$cal' '$user' '$pass' uids | grep -c kortlivad) = 0 ]"

  # A client moves one occurrence of the monthly breakfast meeting.
  dav move-one frukosttraff 2022-05-10 2022-05-12
  out=$(sync 2>&1)
  check "$name: a moved occurrence is reported" sh -c "echo \"\$0\" | grep -q 'the occurrence 2022-05-10 was moved in a calendar to 2022-05-12'" "$out"
  check "$name: it became an except date" sh -c "python3 -c \"import json,sys; p=json.load(open(sys.argv[1])); a=[a for a in p['activities'] if a['id']=='frukosttraff'][0]; sys.exit(0 if '2022-05-10' in a['repeat']['except'] else 1)\" '$plan'"
  check "$name: and a one-off activity on the new day" grep -q '"start": "2022-05-12"' "$plan"

  # An event made in a calendar app is left alone, listed, and imported on request.
  dav add-foreign "Styrgruppens middag" 2022-06-02
  out=$(sync 2>&1)
  check "$name: a foreign event is listed" sh -c "echo \"\$0\" | grep -q 'not made by this plan.*Styrgruppens middag'" "$out"
  check "$name: and left alone" sh -c "$client '$cal' '$user' '$pass' uids | grep -c foreign-2022-06-02 >/dev/null"
  out=$(sync --import-new --theme 2 2>&1)
  check "$name: --import-new brings it in" grep -q '"title": "Styrgruppens middag"' "$plan"
  out=$(sync 2>&1)
  check "$name: and then it is synced like the rest" sh -c "echo \"\$0\" | grep -q '^sent 0 new, 0 changed, 0 deleted; received 0 changed, 0 deleted, 0 imported'" "$out"
  count=$($client "$cal" "$user" "$pass" count)
  items=$(python3 -c "import json,sys; p=json.load(open(sys.argv[1])); print(len(p['activities'])+len(p['milestones']))" "$plan")
  check "$name: one event per item, nothing doubled ($count = $items)" test "$count" = "$items"
}

start_radicale
scenario radicale
radicale_log=$log

# Sync from the terminal UI: y, and the calendar's change arrives on screen,
# is saved, and u takes it back like any edit.
ui_plan=$work/radicale.json
ui_cal=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['calendarURL'])" "$ui_plan")
$client "$ui_cal" anna hemligt set kulturting LOCATION "Ändrad i mobilen"
start 120 35 "cd '$work' && LANG=C.UTF-8 TERM=xterm-256color ARSHJUL_USER=anna ARSHJUL_PASSWORD=hemligt '$bin' '$ui_plan'; echo EXIT=\$?"
ready "1 Stöttande strukturer"
keys y
check "ui: y syncs and says what came in" wait_for "kom in" 20
check "ui: one change came in" wait_for "1 kom in"
on_disk() { grep -q '"location": "Ändrad i mobilen"' "$ui_plan"; }
check "ui: the change is saved to the plan" await "the plan file has the calendar's change" 10 on_disk
check "ui: and the sync state kept after it" grep -q 'Ändrad i mobilen' "$ui_plan.arshjul-sync"
keys u
check "ui: u takes it back" wait_for "Ångrat"
keys s
ready "Sparad"
keys q
ready "EXIT=0"
check "ui: the undo is in the plan, for the next sync to send" sh -c "! grep -q 'Ändrad i mobilen' '$ui_plan'"
out=$("$bin" sync "$ui_plan" --user anna 2>&1)
check "ui: the next sync sends the undo back to the calendar" sh -c "echo \"\$0\" | grep -q '^sent 0 new, 1 changed'" "$out"
# A refused password: the UI asks for one, masked; Esc gives up, Enter syncs.
$client "$ui_cal" anna hemligt set kulturting LOCATION "Ändrad igen"
start 120 35 "cd '$work' && LANG=C.UTF-8 TERM=xterm-256color ARSHJUL_USER=anna ARSHJUL_PASSWORD=fel '$bin' '$ui_plan'; echo EXIT=\$?"
ready "1 Stöttande strukturer"
keys y
check "ui: a refused login asks for the password" wait_for "Lösenordet nekades. Lösenord för anna@127.0.0.1" 20
keys Escape
check "ui: Esc gives up with one line" wait_for "Ingen synk – inget ändrat"
keys y
check "ui: asked again" wait_for "Lösenord för anna@127.0.0.1" 20
keys -l "hemligt"
check "ui: the password shows as dots" wait_for "(Esc avbryter): •••••••"
never_shown() { ! screen | grep -q hemligt; }
check "ui: and never as text" never_shown
keys Enter
check "ui: the typed password syncs" wait_for "1 kom in" 20
on_disk2() { grep -q '"location": "Ändrad igen"' "$ui_plan"; }
check "ui: what came in is saved" await "the plan file has the second change" 10 on_disk2
keys q
ready "EXIT=0"

# Wrong password: one line, what to do, nothing written.
cp plans/kulturtillgangar-2022.json "$work/pw.json"
before=$(cat "$work/pw.json")
out=$(ARSHJUL_PASSWORD=fel "$bin" sync "$work/pw.json" --user anna --url "$base/pw/" 2>&1)
check "wrong password: exit 1" test $? = 1
check "with one line that says what to do" sh -c "[ \$(echo \"\$0\" | wc -l) = 1 ] && echo \"\$0\" | grep -q 'refused the user name or password'" "$out"
check "and the plan untouched" test "$(cat "$work/pw.json")" = "$before"
out=$(ARSHJUL_PASSWORD=hemligt "$bin" sync "$work/pw.json" --user anna --url "$base/nosuch/" 2>&1)
check "no such calendar: says how to create one" sh -c "echo \"\$0\" | grep -q 'no calendar at that URL.*--create'" "$out"
out=$(ARSHJUL_PASSWORD=x "$bin" sync "$work/pw.json" --user anna --url "https://cal.example.invalid/x/" --timeout 2 2>&1)
check "a host that does not exist: one line" sh -c "[ \$(echo \"\$0\" | wc -l) = 1 ] && echo \"\$0\" | grep -q 'cannot reach cal.example.invalid'" "$out"
check "plain http elsewhere is refused, https tried" sh -c "ARSHJUL_PASSWORD=x '$bin' sync '$work/pw.json' --user anna --url http://cal.example.org/x/ 2>&1 | grep -q 'clear text over http'"
port=$(free_port)
out=$(ARSHJUL_PASSWORD=x "$bin" sync "$work/pw.json" --user anna --url "http://127.0.0.1:$port/x/" 2>&1)
check "server down: one line" sh -c "echo \"\$0\" | grep -q 'cannot reach 127.0.0.1'" "$out"

# https to a server whose certificate nobody vouches for: refused, and said so.
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$work/tls-key.pem" -out "$work/tls-cert.pem" -days 2 \
  -subj /CN=127.0.0.1 2>/dev/null
port=$(free_port)
python3 - "$port" "$work" <<'PY' &
import http.server, ssl, sys
server = http.server.HTTPServer(("127.0.0.1", int(sys.argv[1])), http.server.BaseHTTPRequestHandler)
tls = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
tls.load_cert_chain(sys.argv[2] + "/tls-cert.pem", sys.argv[2] + "/tls-key.pem")
server.socket = tls.wrap_socket(server.socket, server_side=True)
server.serve_forever()
PY
pids+=($!)
await "the TLS test server answers" 10 curl -sk -o /dev/null "https://127.0.0.1:$port/"
out=$(ARSHJUL_PASSWORD=x "$bin" sync "$work/pw.json" --user anna --url "https://127.0.0.1:$port/x/" 2>&1)
check "an untrusted certificate: one line that says so" sh -c "[ \$(echo \"\$0\" | wc -l) = 1 ] && echo \"\$0\" | grep -q 'secure connection to 127.0.0.1 failed.*certificate'" "$out"
check "and the plan untouched" test "$(cat "$work/pw.json")" = "$before"

# A server that takes the connection and never answers: --timeout holds.
port=$(free_port)
python3 - "$port" "$work/silent-ready" <<'PY' &
import socket, sys, time
s = socket.socket()
s.bind(("127.0.0.1", int(sys.argv[1])))
s.listen(8)
open(sys.argv[2], "w").close()
time.sleep(60)
PY
pids+=($!)
await "the silent server listens" 10 test -e "$work/silent-ready"
out=$(ARSHJUL_PASSWORD=x "$bin" sync "$work/pw.json" --user anna --url "http://127.0.0.1:$port/x/" --timeout 1 2>&1)
check "a silent server: gives up after --timeout, one line" sh -c "[ \$(echo \"\$0\" | wc -l) = 1 ] && echo \"\$0\" | grep -q '127.0.0.1 did not answer in time'" "$out"

# A slow server that keeps talking is waited for: --timeout is for silence,
# not for the whole answer (here a 401 that takes three seconds to arrive).
port=$(free_port)
python3 - "$port" "$work/slow-ready" <<'PY' &
import socket, sys, time
s = socket.socket()
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", int(sys.argv[1])))
s.listen(8)
open(sys.argv[2], "w").close()
while True:
    c, _ = s.accept()
    c.recv(65536)
    body = b"no" * 10
    head = b"HTTP/1.1 401 Unauthorized\r\nContent-Length: %d\r\nConnection: close\r\n\r\n" % len(body)
    for piece in [head] + [body[i:i + 2] for i in range(0, len(body), 2)]:
        c.sendall(piece)
        time.sleep(0.5)
    c.close()
PY
pids+=($!)
await "the slow server listens" 10 test -e "$work/slow-ready"
out=$(ARSHJUL_PASSWORD=x "$bin" sync "$work/pw.json" --user anna --url "http://127.0.0.1:$port/x/" --timeout 1 2>&1)
check "a slow server that keeps talking is heard out" sh -c "echo \"\$0\" | grep -q 'refused the user name or password'" "$out"
check "password never on the command line: no --password option" sh -c "'$bin' sync --help | grep -q -- '--password-file' && ! '$bin' sync --help | grep -qE -- '--password[^-]'"

# kill -9 in the middle of the first sync, then sync again: nothing doubled.
python3 - "$work/big.json" <<'PY'
import json, sys, copy
p = json.load(open("plans/kulturtillgangar-2022.json", encoding="utf-8"))
base = p["activities"]
p["activities"] = []
for i in range(300):
    a = copy.deepcopy(base[i % len(base)])
    a["id"] = f"{a['id']}-{i}"
    p["activities"].append(a)
json.dump(p, open(sys.argv[1], "w", encoding="utf-8"), indent=2, sort_keys=True, ensure_ascii=False)
open(sys.argv[1], "a").write("\n")
PY
export ARSHJUL_PASSWORD=hemligt
start_puts=$(grep -c 'PUT request' "$radicale_log")
"$bin" sync "$work/big.json" --user anna --url "$base/big/" --create >/dev/null 2>&1 &
syncpid=$!
forty_puts() { [ $(($(grep -c 'PUT request' "$radicale_log") - start_puts)) -ge 40 ]; }
await "the first sync is under way (40 PUTs)" 20 forty_puts
kill -9 $syncpid 2>/dev/null
wait $syncpid 2>/dev/null
partial=$($client "$base/big/" anna hemligt count)
check "kill -9 mid-sync left a part on the server ($partial of 308)" sh -c "[ $partial -gt 0 ] && [ $partial -lt 308 ]"
out=$("$bin" sync "$work/big.json" --user anna 2>&1)
check "the next sync finishes the work" sh -c "echo \"\$0\" | grep -q '0 conflict'" "$out"
check "with every item once on the server" test "$($client "$base/big/" anna hemligt count)" = 308
out=$("$bin" sync "$work/big.json" --user anna 2>&1)
check "and then nothing is left to send" sh -c "echo \"\$0\" | grep -q '^sent 0 new, 0 changed, 0 deleted'" "$out"

start_xandikos
scenario xandikos

# Events deleted between the listing and the read (someone cleaning up on
# a phone while the sync runs): one line each, the rest of the sync goes on.
port=$(free_port)
mkdir -p "$work/vanish"
python3 Tests/caldav/vanishing_server.py "$port" "$work/vanish-ready" "$work/vanish" 2>"$work/vanish.log" &
pids+=($!)
await "the vanishing server listens" 10 test -e "$work/vanish-ready"
cp plans/kulturtillgangar-2022.json "$work/vanish.json"
vsync() { "$bin" sync "$work/vanish.json" --url "http://127.0.0.1:$port/cal/" "$@"; }
out=$(vsync 2>&1)
check "vanishing: the first upload" sh -c "echo \"\$0\" | grep -q '^sent 36 new'" "$out"
href=$(python3 -c "import json,sys; s=json.load(open(sys.argv[1])); print([e['href'] for u,e in s['items'].items() if 'kulturting' in u][0])" "$work/vanish.json.arshjul-sync")
printf '%s\n' "$href" >"$work/vanish/touch"
printf '%s\n' "$href" >"$work/vanish/vanish"
out=$(vsync 2>&1)
rc=$?
check "an event edited and deleted mid-sync: the sync goes on (exit 0)" test $rc = 0
check "and says so in one line, by its title" sh -c "echo \"\$0\" | grep -q 'deleted in the calendar while this sync ran: Kulturting'" "$out"
check "the plan follows the calendar: the unchanged item is deleted" sh -c "! grep -q '\"id\": \"kulturting\"' '$work/vanish.json'"
check "read with one calendar-multiget, not a GET" sh -c "grep -c '^REPORT' '$work/vanish.log' | grep -qv '^0$' && ! grep -q '^GET' '$work/vanish.log'"

for auth in basic digest; do
  start_sabredav $auth
  scenario sabredav-$auth
  out=$(ARSHJUL_PASSWORD=fel "$bin" sync "$work/sabredav-$auth.json" --user anna 2>&1)
  check "sabredav-$auth: a wrong password says what the server asked for and what was tried" sh -c "echo \"\$0\" | grep -qi 'asks for $auth, tried $auth as anna' && ! echo \"\$0\" | grep -q fel" "$out"
done
finish "caldav-e2e"
