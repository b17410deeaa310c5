package ui

import (
	"slices"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"ikz/model"
	"ikz/store"
)

// A connection's screen re-reads the open session when the feed names it,
// or names no session (changes to several sessions merged), and ignores
// changes to other sessions.
func TestLiveRefreshFollowsTheFeed(t *testing.T) {
	st := shStore(t, shSessions()...)
	l := NewLive(st, Config{Workshop: true, Now: func() time.Time { return shStart }}, nil)
	shSend(t, l.Model, l.Model.Init())
	shSend(t, l.Model, tea.WindowSizeMsg{Width: 100, Height: 30})
	list, err := st.List()
	if err != nil {
		t.Fatal(err)
	}
	open, other := list[0].ID, list[1].ID
	shSend(t, l.Model, openSessionMsg{id: open})
	if l.Screen() != "Sitzung" {
		t.Fatalf("screen %q, want the session", l.Screen())
	}

	if cmd := l.refresh(store.Change{SessionID: other}); cmd != nil {
		t.Error("a change to another session re-reads the open one")
	}
	for _, c := range []store.Change{{SessionID: open}, {SessionID: ""}} {
		want := model.Answer{"3"}
		if c.SessionID == "" {
			want = model.Answer{"4"}
		}
		if err := st.SetAnswer(open, "partner_anzahl", want); err != nil {
			t.Fatal(err)
		}
		cmd := l.refresh(c)
		if cmd == nil {
			t.Fatalf("change %+v: no re-read of the open session", c)
		}
		l.Update(cmd())
		if got := l.session.sess.Profile["partner_anzahl"]; !slices.Equal(got, want) {
			t.Errorf("change %+v: screen shows partner_anzahl %v, want %v", c, got, want)
		}
	}
}

// A connection of ikz serve cannot delete sessions or write report files
// onto the server's disk; neither key is offered in the help.
func TestRemoteCannotDeleteOrExport(t *testing.T) {
	st := shStore(t, shSessions()...)
	m := New(st, Config{Workshop: true, Remote: true, Now: func() time.Time { return shStart }})
	shSend(t, m, m.Init())
	shSend(t, m, tea.WindowSizeMsg{Width: 100, Height: 30})
	shSend(t, m, shKeys("?")...)
	if v := ansi.Strip(m.View()); strings.Contains(v, "löschen") {
		t.Errorf("the start screen offers deleting to a remote participant:\n%s", v)
	}
	shSend(t, m, shKeys("?", "d", "j")...)
	if list, _ := st.List(); len(list) != 3 {
		t.Fatalf("d deleted a session over SSH: %d left", len(list))
	}
	shSend(t, m, shKeys("enter")...)
	if m.Screen() != "Sitzung" {
		t.Fatalf("screen %q, want the session", m.Screen())
	}
	shSend(t, m, shKeys("x")...)
	if m.session.export != nil {
		t.Error("x opened the report dialog over SSH")
	}
	shSend(t, m, shKeys("?")...)
	if v := ansi.Strip(m.View()); strings.Contains(v, "Bericht") {
		t.Errorf("the help offers the report over SSH:\n%s", v)
	}
}

// With Config.Sessions a connection lists and opens only those sessions,
// and cannot create or copy sessions (which it could not see afterwards).
func TestOnlyListedSessionsShown(t *testing.T) {
	st := shStore(t, shSessions()...)
	list, err := st.List()
	if err != nil {
		t.Fatal(err)
	}
	shown, hidden := list[1], list[0]
	m := New(st, Config{Workshop: true, Remote: true, Sessions: []string{shown.ID, list[2].ID}, Now: func() time.Time { return shStart }})
	shSend(t, m, m.Init())
	shSend(t, m, tea.WindowSizeMsg{Width: 100, Height: 30})
	v := ansi.Strip(m.View())
	if !strings.Contains(v, shown.Title) || strings.Contains(v, hidden.Title) || !strings.Contains(v, "2 gespeicherte Sitzungen") {
		t.Fatalf("start screen does not show exactly %q:\n%s", shown.Title, v)
	}
	shSend(t, m, shKeys("n", "c")...)
	if m.Screen() != "Start" {
		t.Fatalf("n led to %q", m.Screen())
	}
	if after, _ := st.List(); len(after) != len(list) {
		t.Errorf("c copied a session: %d sessions, want %d", len(after), len(list))
	}
	shSend(t, m, openSessionMsg{id: hidden.ID})
	if m.Screen() != "Start" {
		t.Errorf("a hidden session was opened (screen %q)", m.Screen())
	}
	shSend(t, m, shKeys("enter")...)
	if m.Screen() != "Sitzung" || m.session.sess.ID != shown.ID {
		t.Errorf("enter did not open the shown session")
	}
}

// With exactly one session shared, a connection opens it at once; esc
// still leads to the list, which does not open it again.
func TestOneSharedSessionOpensDirectly(t *testing.T) {
	st := shStore(t, shSessions()...)
	list, err := st.List()
	if err != nil {
		t.Fatal(err)
	}
	m := New(st, Config{Workshop: true, Remote: true, Sessions: []string{list[2].ID}, Now: func() time.Time { return shStart }})
	shSend(t, m, m.Init())
	shSend(t, m, tea.WindowSizeMsg{Width: 100, Height: 30})
	if m.Screen() != "Sitzung" || m.session.sess.ID != list[2].ID {
		t.Fatalf("screen %q, want the shared session open", m.Screen())
	}
	shSend(t, m, shKeys("esc")...)
	if m.Screen() != "Start" {
		t.Errorf("esc led to %q, want the list", m.Screen())
	}
}
