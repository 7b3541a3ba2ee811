"""A calendar feed for the layer tests: serves one file at /feed.ics with an
ETag and Last-Modified, answers 304 to a matching conditional GET, and logs
each request (method, If-None-Match, status) to a file. The file it serves
may be swapped under it. Prints its port on stdout once it listens.

usage: python3 feed_server.py FILE LOG
"""
import http.server
import os
import sys

served, log = sys.argv[1], sys.argv[2]


class Feed(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        body = open(served, "rb").read()
        etag = '"%x-%d"' % (hash(body) & 0xFFFFFFFF, len(body))
        status = 304 if self.headers.get("If-None-Match") == etag else 200
        with open(log, "a") as f:
            f.write("%s %s %s %d\n" % (self.command, self.path, self.headers.get("If-None-Match", "-"), status))
        self.send_response(status)
        self.send_header("ETag", etag)
        self.send_header("Last-Modified", "Tue, 01 Nov 2022 10:00:00 GMT")
        if status == 200:
            kind = "text/html" if body.lstrip().startswith(b"<") else "text/calendar; charset=utf-8"
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if status == 200:
            self.wfile.write(body)

    def log_message(self, *args):
        pass


server = http.server.HTTPServer(("127.0.0.1", 0), Feed)
print(server.server_address[1], flush=True)
server.serve_forever()
