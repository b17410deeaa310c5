package ui

import (
	"encoding/json"
	"strings"
	"testing"

	"ikz/model"
)

// The last keystroke before the program ends: its draft write was queued,
// but the command that runs it never started (bubbletea drops commands
// once it has quit). drainQueues, called on the way out, writes it.
func TestDrainQueuesWritesWhatNeverStarted(t *testing.T) {
	st := shStore(t)
	type note struct{ Text string }
	v := &note{}
	f, _ := openDraft(st, "s1/review", v)
	v.Text = "Protokoll der Lenkungsgruppe"
	if cmd := f.sync(v); cmd == nil {
		t.Fatal("a changed draft queued no write")
	} // the command is dropped, as after tea.Quit
	if data, _ := st.Draft("s1/review"); data != nil {
		t.Fatalf("the draft is in the store before the drain: %s", data)
	}
	drainQueues()
	data, err := st.Draft("s1/review")
	if err != nil {
		t.Fatal(err)
	}
	var got note
	if err := json.Unmarshal(data, &got); err != nil || got.Text != v.Text {
		t.Fatalf("after the drain the store holds %q (%v), want %q", data, err, v.Text)
	}
	// A command that starts after the drain finds nothing left to do.
	v.Text += "!"
	cmd := f.sync(v)
	drainQueues()
	if cmd != nil {
		cmd()
	}
	data, _ = st.Draft("s1/review")
	if err := json.Unmarshal(data, &got); err != nil || got.Text != v.Text {
		t.Fatalf("the second write: store holds %q, want %q", data, v.Text)
	}
	live.mu.Lock()
	_, registered := live.m[&f.writeQueue]
	live.mu.Unlock()
	if registered {
		t.Error("the queue is still registered after its work was done")
	}
}

// A draft is stored text: a control sequence planted in the file does not
// come back into a form (openDraft cleans it like a session).
func TestOpenDraftCleansStoredText(t *testing.T) {
	st := shStore(t)
	type form struct {
		Title string
		Notes []string
	}
	hostile := form{Title: "Review\x1b]52;c;ZXZpbA==\a", Notes: []string{"ok\x1b[2J"}}
	data, _ := json.Marshal(hostile)
	if err := st.PutDraft("s1/review", data); err != nil {
		t.Fatal(err)
	}
	var got form
	if _, found := openDraft(st, "s1/review", &got); !found {
		t.Fatal("the draft was not found")
	}
	if got.Title != model.SafeText(hostile.Title) || got.Notes[0] != model.SafeText(hostile.Notes[0]) || strings.ContainsRune(got.Title+got.Notes[0], 0x1b) {
		t.Errorf("draft read back with control characters: %q", got)
	}
}
