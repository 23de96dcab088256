// A minimal token endpoint for <confab-meeting token-endpoint="/api/token">, in Go with LiveKit's own
// auth package. Serve it from your site's origin (or proxy /api/token to it) so the browser needs no
// CORS. The API secret stays here; the browser only sees the token.
//
//	LIVEKIT_URL=wss://livekit.example.com LIVEKIT_API_KEY=… LIVEKIT_API_SECRET=… go run .
package main

import (
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"log"
	"net/http"
	"os"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/livekit/protocol/auth"
)

var room = regexp.MustCompile(`^[A-Za-z0-9_-]{1,128}$`)

func answer(w http.ResponseWriter, status int, body any) {
	w.Header().Set("content-type", "application/json")
	w.Header().Set("cache-control", "no-store")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(body)
}

func token(w http.ResponseWriter, r *http.Request) {
	roomName := r.URL.Query().Get("room")
	name := strings.TrimSpace(r.URL.Query().Get("name"))
	if !room.MatchString(roomName) {
		answer(w, http.StatusBadRequest, map[string]string{"error": "bad-room", "message": "Room names are 1–128 letters, digits, _ or -."})
		return
	}
	if name == "" || utf8.RuneCountInString(name) > 64 {
		answer(w, http.StatusBadRequest, map[string]string{"error": "bad-name", "message": "Names are 1–64 characters."})
		return
	}
	// Decide here who may join which room (your session, your rules); this example lets anyone in.
	id := make([]byte, 6)
	_, _ = rand.Read(id)
	yes := true
	at := auth.NewAccessToken(os.Getenv("LIVEKIT_API_KEY"), os.Getenv("LIVEKIT_API_SECRET")).
		SetIdentity("user-" + hex.EncodeToString(id)). // one per join: two tabs are two participants
		SetName(name).
		SetValidFor(10 * time.Minute). // LiveKit refreshes it while connected
		SetVideoGrant(&auth.VideoGrant{
			RoomJoin: true, Room: roomName, CanPublish: &yes, CanSubscribe: &yes, CanPublishData: &yes, CanUpdateOwnMetadata: &yes,
		})
	jwt, err := at.ToJWT()
	if err != nil {
		answer(w, http.StatusInternalServerError, map[string]string{"error": "token-failed", "message": "Could not make a token."})
		return
	}
	answer(w, http.StatusOK, map[string]string{"serverUrl": os.Getenv("LIVEKIT_URL"), "token": jwt})
}

func main() {
	port := os.Getenv("PORT")
	if port == "" {
		port = "3000"
	}
	http.HandleFunc("GET /api/token", token)
	log.Printf("token endpoint on http://localhost:%s/api/token", port)
	log.Fatal(http.ListenAndServe(":"+port, nil))
}
