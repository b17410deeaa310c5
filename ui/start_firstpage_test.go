package ui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"ikz/model"
)

// The first frame shows only the newest page but the true count; the full
// list follows by itself and keeps the user's place.
func TestStartFirstPageThenFullList(t *testing.T) {
	n := firstPage + 20
	sessions := make([]*model.Session, n)
	for i := range sessions {
		sessions[i] = &model.Session{Title: fmt.Sprintf("Sitzung %03d", i), Profile: model.Profile{}}
	}
	st := shStore(t, sessions...)
	m := New(st, Config{Now: func() time.Time { return shStart }})
	first := m.Init()()
	m.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	_, follow := m.Update(first)
	if got := len(m.start.list.Items()); got != firstPage {
		t.Fatalf("first page holds %d items, want %d", got, firstPage)
	}
	if v := ansi.Strip(m.View()); !strings.Contains(v, fmt.Sprintf("%d gespeicherte Sitzungen", n)) {
		t.Fatalf("first frame does not show the total %d:\n%s", n, v)
	}
	if follow == nil {
		t.Fatal("no command to read the full list")
	}
	m.start.list.Select(3)
	want, _ := m.start.selected()
	shSend(t, m, follow)
	if got := len(m.start.list.Items()); got != n {
		t.Fatalf("full list holds %d items, want %d", got, n)
	}
	if got, _ := m.start.selected(); got.ID != want.ID {
		t.Errorf("selection moved from %q to %q when the full list arrived", want.Title, got.Title)
	}
}
