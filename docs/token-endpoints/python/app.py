"""A minimal token endpoint for <confab-meeting token-endpoint="/api/token">, in Python with LiveKit's
own SDK (pip install -r requirements.txt) and the standard library's HTTP server. Serve it from your
site's origin (or proxy /api/token to it) so the browser needs no CORS. The API secret stays here.
  LIVEKIT_URL=wss://livekit.example.com LIVEKIT_API_KEY=… LIVEKIT_API_SECRET=… python app.py
"""

import json
import os
import re
import secrets
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

from livekit import api

ROOM = re.compile(r"^[A-Za-z0-9_-]{1,128}$")


class TokenEndpoint(BaseHTTPRequestHandler):
    def answer(self, status, body):
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("content-type", "application/json")
        self.send_header("cache-control", "no-store")
        self.send_header("content-length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        url = urlparse(self.path)
        if url.path != "/api/token":
            return self.answer(404, {"error": "not-found", "message": "Not found."})
        query = parse_qs(url.query)
        room = query.get("room", [""])[0]
        name = query.get("name", [""])[0].strip()
        if not ROOM.match(room):
            return self.answer(400, {"error": "bad-room", "message": "Room names are 1–128 letters, digits, _ or -."})
        if not name or len(name) > 64:
            return self.answer(400, {"error": "bad-name", "message": "Names are 1–64 characters."})
        # Decide here who may join which room (your session, your rules); this example lets anyone in.
        token = (
            api.AccessToken(os.environ["LIVEKIT_API_KEY"], os.environ["LIVEKIT_API_SECRET"])
            .with_identity(f"user-{secrets.token_hex(6)}")  # one per join: two tabs are two participants
            .with_name(name)
            .with_ttl(timedelta(minutes=10))  # LiveKit refreshes it while connected
            .with_grants(
                api.VideoGrants(
                    room_join=True,
                    room=room,
                    can_publish=True,
                    can_subscribe=True,
                    can_publish_data=True,
                    can_update_own_metadata=True,
                )
            )
        )
        self.answer(200, {"serverUrl": os.environ["LIVEKIT_URL"], "token": token.to_jwt()})

    def log_message(self, format, *args):
        pass  # tokens never reach a log (they are credentials)


if __name__ == "__main__":
    port = int(os.environ.get("PORT", "3000"))
    print(f"token endpoint on http://localhost:{port}/api/token", flush=True)
    ThreadingHTTPServer(("", port), TokenEndpoint).serve_forever()
