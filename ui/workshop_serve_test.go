package ui

import (
	"strings"
	"testing"
	"time"

	"ikz/model"
	"ikz/store"
)

// The workshop over real SSH clients with PTYs on loopback: who answers
// for which municipality, the facilitator's room management and
// facilitation (blind mode, reveal, lock, the room's question).

const modTestCode = "MQ7X3PWA"

// room starts a server with a moderator code over the Lippe workshop
// (Stadt Lemgo p1, Gemeinde Dörentrup p2).
func room(t *testing.T) (addr string, st *store.Store, id string) {
	t.Helper()
	srv, st, id := serveEnv(t, ServeOptions{ModeratorCode: modTestCode})
	return srv.Addr().String(), st, id
}

// participantAs connects with the workshop code under an SSH user name and
// opens the workshop.
func participantAs(t *testing.T, addr, user string) *term {
	t.Helper()
	tm := connectUser(t, addr, user, testCode, 100, 30)
	tm.openWorkshop()
	return tm
}

func moderator(t *testing.T, addr string) *term {
	t.Helper()
	tm := connectUser(t, addr, "moderation", modTestCode, 120, 40)
	tm.openWorkshop()
	return tm
}

const (
	keyEsc   = "\x1b"
	keyUp    = "\x1b[A"
	keyBkspc = "\x7f"
)

// The SSH user name preselects the municipality; after a dropped
// connection the same user name lands there again, and the answer given
// before is still there.
func TestServeClaimAndReconnectByUserName(t *testing.T) {
	addr, st, id := room(t)
	a := participantAs(t, addr, "lemgo")
	a.mustSee(0, "antworten als: Stadt Lemgo")
	// The cursor is on her first open question (bundesland): the first Land.
	a.send(keyEnter, keyEnter)
	waitStored(t, st, id, func(s *model.Session) bool { return len(s.Participant("p1").Profile["bundesland"]) == 1 })
	a.close()

	b := participantAs(t, addr, "lemgo")
	b.mustSee(0, "antworten als: Stadt Lemgo")
	if strings.Contains(b.since(0), "übernehmen?") {
		t.Error("the reconnect was asked to take over its own municipality")
	}
	q, _ := model.ProfileQuestionByKey("bundesland")
	b.mustSee(0, "Bundesland                  "+q.Options[0].Label[:10])

	// A user name that names nobody chooses; participants see no way to add.
	c := participantAs(t, addr, "gast")
	c.mustSee(0, "antworten als: – Kommune wählen –")
	m := c.mark()
	c.send("a")
	time.Sleep(200 * time.Millisecond)
	if strings.Contains(c.since(m), "Neue teilnehmende Kommune") {
		t.Error("a participant could open the form to add a municipality")
	}
}

// A second claim on the same municipality asks; taking over moves the
// claim, and the first connection can no longer answer for it.
func TestServeSecondClaimAsksAndTakesOver(t *testing.T) {
	addr, st, id := room(t)
	a := participantAs(t, addr, "lemgo")
	a.mustSee(0, "antworten als: Stadt Lemgo")

	b := participantAs(t, addr, "lemgo") // e.g. a second laptop of the same town
	b.mustSee(0, "„Stadt Lemgo“ wird schon von einer anderen")
	m := b.mark()
	b.send(keyEsc)
	b.mustSee(m, "antworten als: – Kommune wählen –")

	m, ma := b.mark(), a.mark()
	b.send(keyEnter) // the cursor is on Lemgo
	b.mustSee(m, "übernehmen?")
	b.send(keyEnter)
	b.mustSee(m, "antworten als: Stadt Lemgo")
	a.mustSee(ma, "Eine andere Verbindung antwortet jetzt für")
	a.mustSee(ma, "antworten als: – Kommune wählen –")

	// A's keys no longer answer for Lemgo.
	a.send(keyDown, keyDown, keyDown, keyEnter, keyDown, keyEnter)
	b.send(keyEnter, keyDown, keyEnter) // B answers bundesland: the second Land
	waitStored(t, st, id, func(s *model.Session) bool { return len(s.Participant("p1").Profile["bundesland"]) == 1 })
	time.Sleep(300 * time.Millisecond)
	s, err := st.Get(id)
	if err != nil {
		t.Fatal(err)
	}
	q, _ := model.ProfileQuestionByKey("bundesland")
	if got := s.Participant("p1").Profile["bundesland"]; got[0] != q.Options[1].Value {
		t.Errorf("Lemgo's bundesland = %v, want B's %s", got, q.Options[1].Value)
	}
	if len(s.Participant("p2").Profile) != 0 {
		t.Errorf("A answered for Dörentrup without claiming it: %v", s.Participant("p2").Profile)
	}
}

// Only the moderator adds, renames, merges, removes and marks absent.
func TestServeModeratorManagesMunicipalities(t *testing.T) {
	addr, st, id := room(t)
	part := participantAs(t, addr, "gast")
	mod := moderator(t, addr)

	// The participant's room keys do nothing.
	part.send(keyDown, "r", "w", "d", "u")
	time.Sleep(200 * time.Millisecond)

	// Rename Lemgo (the row below Moderation).
	mod.send(keyDown, "r")
	mod.mustSee(0, "Neuer Name")
	mod.send(strings.Repeat(keyBkspc, len([]rune("Stadt Lemgo"))))
	mod.send("Alte Hansestadt Lemgo", keyEnter)
	waitStored(t, st, id, func(s *model.Session) bool { return s.Participant("p1").Name == "Alte Hansestadt Lemgo" })
	part.mustSee(0, "Alte Hansestadt Lemgo")

	// Dörentrup is absent today.
	mod.send(keyDown, "w")
	waitStored(t, st, id, func(s *model.Session) bool { return s.Participant("p2").Absent })
	mod.send("w")
	waitStored(t, st, id, func(s *model.Session) bool { return !s.Participant("p2").Absent })

	// A typo added, then merged into Lemgo.
	mod.send("a")
	mod.mustSee(0, "Neue teilnehmende Kommune")
	mod.send("Stadt Lemog", keyEnter)
	waitStored(t, st, id, func(s *model.Session) bool { return len(s.Participants) == 3 })
	m := mod.mark()
	mod.send(keyDown, "u") // the new row, below Dörentrup
	mod.mustSee(m, "zusammenführen mit")
	mod.send(keyEnter) // the first other: Lemgo
	waitStored(t, st, id, func(s *model.Session) bool { return len(s.Participants) == 2 && s.Participant("p3") == nil })

	// Remove Dörentrup, after the question.
	m = mod.mark()
	mod.send(keyUp, "d")
	mod.mustSee(m, "„Gemeinde Dörentrup“ mit allen Antworten aus dem Workshop")
	mod.send(keyEnter)
	waitStored(t, st, id, func(s *model.Session) bool { return len(s.Participants) == 1 })

	s, err := st.Get(id)
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Participants) != 1 || s.Participants[0].Name != "Alte Hansestadt Lemgo" {
		t.Errorf("participants = %+v, want only the renamed Lemgo", s.Participants)
	}
}

// Blind mode hides the others' answers until the facilitator reveals the
// question; a lock stops answers; participants who follow see the room's
// question.
func TestServeBlindRevealLockFollow(t *testing.T) {
	addr, st, id := room(t)
	mod := moderator(t, addr)
	mod.send("b")
	waitStored(t, st, id, func(s *model.Session) bool { return s.Workshop != nil && s.Workshop.Blind })

	a := participantAs(t, addr, "lemgo")
	b := participantAs(t, addr, "doerentrup")
	a.mustSee(0, "antworten als: Stadt Lemgo")
	b.mustSee(0, "antworten als: Gemeinde Dörentrup")
	a.send(keyEnter, keyEnter)          // first Land
	b.send(keyEnter, keyDown, keyEnter) // second Land
	waitStored(t, st, id, func(s *model.Session) bool {
		return len(s.Participant("p1").Profile["bundesland"]) == 1 && len(s.Participant("p2").Profile["bundesland"]) == 1
	})
	q, _ := model.ProfileQuestionByKey("bundesland")
	first, second := q.Options[0].Label, q.Options[1].Label
	a.send(keyUp) // back on bundesland
	a.mustSee(0, "Verdeckt: 2 von 2 haben geantwortet")
	// (Dörentrup's Land is among the editor's options, so the spread
	// and the agreement are what must not show.)
	for _, leak := range []string{"1× ", "Dissens", "strittig"} {
		if strings.Contains(a.since(0), leak) {
			t.Fatalf("Lemgo saw %q in blind mode:\n%s", leak, lastLines(a.since(0), 30))
		}
	}

	// The facilitator sees both; both answered differently: bundesland is
	// the first question in the list (five rows below Moderation).
	m := mod.mark()
	mod.send(keyDown, keyDown, keyDown, keyDown, keyDown)
	mod.mustSee(m, "1× "+second)
	ma := a.mark()
	mod.send("v")
	waitStored(t, st, id, func(s *model.Session) bool { return !s.Hidden("bundesland") })
	a.mustSee(ma, "1× "+second)
	a.mustSee(ma, "1× "+first)

	// Locked: Lemgo can no longer change her answer.
	ma = a.mark()
	mod.send("s")
	waitStored(t, st, id, func(s *model.Session) bool { return s.Locked("bundesland") })
	// Wait until Lemgo's screen has the lock (live update), so that enter
	// meets a locked question however slow the machine is.
	a.mustSee(ma, "gesperrt")
	ma = a.mark()
	a.send(keyEnter)
	a.mustSee(ma, "Diese Frage ist gesperrt")
	a.send(keyDown, keyDown, keyEnter)
	time.Sleep(200 * time.Millisecond)
	if s, _ := st.Get(id); s.Participant("p1").Profile["bundesland"][0] != q.Options[0].Value {
		t.Error("a locked answer changed")
	}

	// Follow: Dörentrup follows, and a second moderator connection
	// projects (p); the facilitator shows a question to the room.
	b.send("f")
	beamer := moderator(t, addr)
	beamer.send("p")
	beamer.mustSee(0, "GEMEINSAME EMPFEHLUNG")
	mb, mp := b.mark(), beamer.mark()
	mod.send("G") // the last quick-check item …
	for range 12 {
		mod.send(keyUp) // … up past the quick-check items to the last profile questions
	}
	m = mod.mark()
	mod.send("f")
	waitStored(t, st, id, func(s *model.Session) bool { return s.Current() != "" })
	s, _ := st.Get(id)
	cur, _ := model.ProfileQuestionByKey(s.Current())
	b.mustSee(mb, "» Frage für alle")
	b.mustSee(mb, cur.Label)
	mod.mustSee(m, "» Frage für alle")
	beamer.mustSee(mp, "FRAGE FÜR ALLE")
	beamer.mustSee(mp, cur.Label)
	if strings.Contains(beamer.since(0), modTestCode) {
		t.Error("the projector shows the moderator code")
	}
	beamer.mustSee(0, "Mitmachen: ssh -p ")
	beamer.mustSee(0, testCode)
}
