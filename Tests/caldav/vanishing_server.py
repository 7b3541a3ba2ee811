"""A CalDAV collection on 127.0.0.1 whose events vanish between the listing
and the read, as when someone deletes one on a phone while a sync runs:
PROPFIND still lists them, GET and calendar-multiget answer 404. It has no
sync-collection (403, as SabreDAV 1.8), keeps what is PUT, and logs one line
per request ("METHOD path") on stderr.

  vanishing_server.py PORT READY_FILE CONTROL_DIR

A file CONTROL_DIR/vanish holds names (one a line) that vanish from then on;
CONTROL_DIR/touch holds names whose ETag changes in the listing (an edit
elsewhere) — together, an event edited and then deleted mid-sync."""
import http.server
import os
import sys
import threading
from xml.sax.saxutils import escape

port, ready, control = int(sys.argv[1]), sys.argv[2], sys.argv[3]
events = {}  # name -> (etag, body)
lock = threading.Lock()


def names(file):
    try:
        return set(open(os.path.join(control, file), encoding="utf-8").read().split())
    except OSError:
        return set()


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def answer(self, status, body=b"", headers=()):
        sys.stderr.write(f"{self.command} {self.path} {status}\n")
        sys.stderr.flush()
        self.send_response(status)
        for k, v in headers:
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def body(self):
        return self.rfile.read(int(self.headers.get("Content-Length", 0) or 0))

    def name(self):
        return self.path.rstrip("/").split("/")[-1]

    def do_PROPFIND(self):
        self.body()
        out = ['<?xml version="1.0"?><d:multistatus xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav">',
               '<d:response><d:href>/cal/</d:href><d:propstat><d:prop><d:resourcetype><d:collection/><c:calendar/>'
               '</d:resourcetype></d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response>']
        if self.headers.get("Depth") == "1":
            touched = names("touch")
            with lock:
                for n, (etag, _) in sorted(events.items()):
                    e = etag + "-edited" if n in touched else etag
                    out.append(f'<d:response><d:href>/cal/{escape(n)}</d:href><d:propstat><d:prop>'
                               f'<d:getetag>"{e}"</d:getetag><d:resourcetype/></d:prop>'
                               '<d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response>')
        out.append("</d:multistatus>")
        self.answer(207, "".join(out).encode(), [("Content-Type", "application/xml")])

    def do_REPORT(self):
        request = self.body().decode()
        if "sync-collection" in request:
            return self.answer(403)
        gone = names("vanish")
        out = ['<?xml version="1.0"?><d:multistatus xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav">']
        for href in request.split("<d:href>")[1:]:
            href = href.split("</d:href>")[0]
            n = href.rstrip("/").split("/")[-1]
            with lock:
                have = events.get(n)
            if have is None or n in gone:
                out.append(f"<d:response><d:href>{href}</d:href><d:status>HTTP/1.1 404 Not Found</d:status></d:response>")
            else:
                out.append(f'<d:response><d:href>{href}</d:href><d:propstat><d:prop><d:getetag>"{have[0]}"</d:getetag>'
                           f'<c:calendar-data>{escape(have[1].decode())}</c:calendar-data></d:prop>'
                           '<d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response>')
        out.append("</d:multistatus>")
        self.answer(207, "".join(out).encode(), [("Content-Type", "application/xml")])

    def do_GET(self):
        n = self.name()
        with lock:
            have = events.get(n)
        if have is None or n in names("vanish"):
            return self.answer(404)
        self.answer(200, have[1], [("ETag", f'"{have[0]}"'), ("Content-Type", "text/calendar")])

    def do_PUT(self):
        data = self.body()
        n = self.name()
        with lock:
            old = events.get(n)
            if self.headers.get("If-None-Match") == "*" and old is not None:
                return self.answer(412)
            etag = str(abs(hash(data)))
            events[n] = (etag, data)
        self.answer(201 if old is None else 204, b"", [("ETag", f'"{etag}"')])

    def do_DELETE(self):
        with lock:
            events.pop(self.name(), None)
        self.answer(204)


server = http.server.ThreadingHTTPServer(("127.0.0.1", port), Handler)
open(ready, "w").close()
server.serve_forever()
