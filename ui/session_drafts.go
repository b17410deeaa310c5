package ui

import (
	"bytes"
	"encoding/json"

	tea "github.com/charmbracelet/bubbletea"

	"ikz/model"
	"ikz/store"
)

// formDraft keeps the draft of a multi-field form (review, measure,
// decision, new session) in the store while the user types: every change of the draft
// is written (coalesced: one write in flight, the newest text wins), so
// that esc, Ctrl+C or a killed process lose nothing; reopening the form
// brings it back. The draft goes when the form is completed and stored,
// or when the user discards it (after a question).
type formDraft struct {
	st   *store.Store
	key  string // "<session>/review", "<session>/measure/m3", …
	last []byte // what was queued last

	writeQueue        // runs the writes (write_queue.go); its mu guards next and dirty
	next       []byte // newest text not yet written; nil with dirty: delete
	dirty      bool
}

// formDraftSavedMsg acknowledges that the draft under key is in the store as
// data (nil: removed).
type formDraftSavedMsg struct {
	key  string
	data []byte
}

// openDraft reads the stored draft under key into v; found reports
// whether there was one.
func openDraft(st *store.Store, key string, v any) (*formDraft, bool) {
	f := &formDraft{st: st, key: key}
	data, err := st.Draft(key)
	if err != nil || len(data) == 0 || json.Unmarshal(data, v) != nil {
		return f, false
	}
	// A draft is stored text like a session: made safe where it is read,
	// so no form shows a control sequence from the file.
	model.CleanValue(v)
	f.last = data
	return f, true
}

// sync queues v when it differs from what was queued last.
func (f *formDraft) sync(v any) tea.Cmd {
	if f == nil {
		return nil
	}
	data, err := json.Marshal(v)
	if err != nil || bytes.Equal(data, f.last) {
		return nil
	}
	f.last = data
	return f.queue(data)
}

// discard removes the stored draft (after the form was stored, or the
// user said so).
func (f *formDraft) discard() tea.Cmd {
	if f == nil {
		return nil
	}
	f.last = nil
	return f.queue(nil)
}

// idle reports whether no write is queued or on its way (a nil draft is
// idle).
func (f *formDraft) idle() bool { return f == nil || f.writeQueue.idle() }

func (f *formDraft) queue(data []byte) tea.Cmd {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.next, f.dirty = data, true
	return startQueue[[]byte](&f.writeQueue, f)
}

// take, write, putBack and finish make formDraft a queueOwner: only the
// newest text is written, a failed write is reported and the next change
// writes again.

func (f *formDraft) take() ([]byte, bool) {
	if !f.dirty {
		return nil, false
	}
	f.dirty = false
	return f.next, true
}

func (f *formDraft) write(data []byte) ([]tea.Msg, error) {
	var err error
	if data == nil {
		err = f.st.DeleteDraft(f.key)
	} else {
		err = f.st.PutDraft(f.key, data)
	}
	if err != nil {
		return []tea.Msg{errMsg{err}}, nil
	}
	return []tea.Msg{formDraftSavedMsg{key: f.key, data: data}}, nil
}

func (f *formDraft) putBack([]byte) {}

func (f *formDraft) finish(r runResult) tea.Msg { return r.last }
