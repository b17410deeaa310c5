package ui

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strings"
	"sync"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"ikz/model"
	"ikz/store"
)

// The draft of the open row editor (the editing contract, editlist.go:
// typed text is never lost). While an editor is open and its value
// differs from the stored one, every change of it goes to the store
// (through formDraft: coalesced, one write in flight, the newest wins)
// under "<session>/rows/<tab>/<row>". Ctrl+C, a killed process or a lost
// SSH connection keep it; reopening the row puts it back into the editor;
// enter removes it once the change is stored, esc at once. Rows with a
// draft waiting are marked in the list, so a user finds them after a
// restart.

// markDraft marks a row whose editor left a draft behind.
const markDraft = "✎"

// rowDraft is what is stored: the editor's value and when it was typed.
type rowDraft struct {
	At    time.Time       `json:"at"`
	Value json.RawMessage `json:"value"`
}

// rowDraftKeptMsg says that the draft under key stays after enter: the
// change was not stored (a conflict, a failing disk).
type rowDraftKeptMsg struct{ key string }

// storedWait bounds how long a committed row's draft waits for the
// session's changes to be stored before it is kept instead.
const storedWait = 30 * time.Second

// rowDrafts keeps the drafts of one tab's rows.
type rowDrafts struct {
	st      *store.Store
	now     func() time.Time
	changes *changer
	sessID  string
	root    string               // "<session>/rows/<tab>/"
	prefix  string               // root, or "<root><scope>/" (draftScope)
	waiting map[string]bool      // rows with a draft in the store (or on its way)
	typed   map[string]time.Time // when each waiting draft was typed

	// opens counts the openings of each row (by its key): a draft that waits for its
	// change to be stored is not removed once the row was opened again
	// (the new editor writes it anew). Read by the waiting command.
	mu    sync.Mutex
	opens map[string]int

	// the open editor
	id       string
	f        *formDraft
	base     []byte    // its value as stored when it opened (JSON)
	last     []byte    // its value when last looked at
	restored bool      // it holds a draft from the store, not the stored value
	typedAt  time.Time // when that draft was typed (zero: unknown)
}

// keepDrafts makes e keep a draft of its open editor in the store; tab
// names the tab in the key ("profil", "phase-sondierung", …). Without a
// store (some tests) nothing is kept.
func (e *editList) keepDrafts(d tabDeps, sessID, tab string) {
	if d.store == nil {
		return
	}
	now := d.now
	if now == nil {
		now = time.Now
	}
	root := sessID + "/rows/" + tab + "/"
	r := &rowDrafts{st: d.store, now: now, changes: d.changes, sessID: sessID,
		root: root, prefix: root, opens: map[string]int{}}
	r.load()
	e.drafts = r
	e.markDrafts()
}

// draftScope keys the drafts of e's rows under scope ("<root><scope>/"):
// for a list whose row ids repeat (every partner of the Kostenverteilung
// has the same fields), scope says whose rows the list shows, so that a
// draft comes back on its own row only. The marks are read anew; while
// an editor is open the scope stays (its draft has its key already).
func (e *editList) draftScope(scope string) {
	r := e.drafts
	if r == nil || r.f != nil || r.prefix == r.root+scope+"/" {
		return
	}
	r.prefix = r.root + scope + "/"
	r.load()
	e.markDrafts()
}

// load reads which rows under the prefix have a draft, and when each was
// typed.
func (r *rowDrafts) load() {
	r.waiting, r.typed = map[string]bool{}, map[string]time.Time{}
	keys, _ := r.st.DraftKeys(r.prefix) // unreadable: no marks; opening reads again
	for _, k := range keys {
		id := strings.TrimPrefix(k, r.prefix)
		if strings.Contains(id, "/") {
			continue // a row of a narrower scope
		}
		r.waiting[id] = true
		var dr rowDraft
		if data, err := r.st.Draft(k); err == nil && json.Unmarshal(data, &dr) == nil {
			r.typed[id] = dr.At
		}
	}
}

// markDrafts shows the rows with a waiting draft in the list.
func (e *editList) markDrafts() {
	if e.drafts != nil {
		e.list.drafted = e.drafts.waiting
		e.list.version++ // the list renders anew
	}
}

// draftRow is r as the list shows it while a draft of it waits: the
// word after the label, or in place of the value, as wide as the value
// was, so the columns do not move (the stored value is in the preview).
func draftRow(r listRow) listRow {
	r.mark = markDraft
	if r.value == "" {
		r.badge = "Entwurf"
	} else {
		r.value = padRight("Entwurf", displayWidth(r.value))
	}
	return r
}

// open reads the draft of ed's row and, when there is one that differs
// from the stored value, puts it into ed's value.
func (r *rowDrafts) open(ed *rowEditor) tea.Cmd {
	if r == nil {
		return nil
	}
	if ed.value == nil {
		if !r.waiting[ed.id] {
			return nil
		}
		// A draft from a version that kept one for this editor: it
		// would mark the row for ever.
		delete(r.waiting, ed.id)
		var stale json.RawMessage
		f, _ := openDraft(r.st, r.prefix+ed.id, &stale)
		return f.discard()
	}
	r.id, r.restored, r.typedAt = ed.id, false, time.Time{}
	r.mu.Lock()
	r.opens[r.prefix+ed.id]++
	r.mu.Unlock()
	r.base, _ = json.Marshal(ed.value)
	r.last = r.base
	var d rowDraft
	f, found := openDraft(r.st, r.prefix+ed.id, &d)
	r.f = f
	if !found {
		delete(r.waiting, ed.id) // gone meanwhile (another connection's enter)
		return nil
	}
	// Into a fresh value first: a draft that no longer fits leaves the
	// editor as it was.
	v := reflect.New(reflect.TypeOf(ed.value).Elem())
	if json.Unmarshal(d.Value, v.Interface()) != nil {
		return nil
	}
	model.CleanValue(v.Interface()) // stored text, made safe where it is read
	data, _ := json.Marshal(v.Interface())
	if bytes.Equal(data, r.base) {
		// The stored value is the draft by now (enter was stored, the
		// process ended before the draft went): nothing to bring back.
		delete(r.waiting, ed.id)
		return r.f.discard()
	}
	reflect.ValueOf(ed.value).Elem().Set(v.Elem())
	r.last, r.restored, r.typedAt = data, true, d.At
	r.waiting[ed.id], r.typed[ed.id] = true, d.At
	return nil
}

// sync writes the editor's value as the draft when it changed; back at
// the stored value, the draft goes. marked reports a new or gone mark.
func (r *rowDrafts) sync(ed *rowEditor) (cmd tea.Cmd, marked bool) {
	if r == nil || r.f == nil || ed.value == nil {
		return nil, false
	}
	data, err := json.Marshal(ed.value)
	if err != nil || bytes.Equal(data, r.last) {
		return nil, false
	}
	r.last = data
	was := r.waiting[r.id]
	if bytes.Equal(data, r.base) {
		if !was {
			return nil, false
		}
		delete(r.waiting, r.id)
		return r.f.discard(), true
	}
	at := r.now()
	r.waiting[r.id], r.typed[r.id] = true, at
	return r.f.sync(rowDraft{At: at, Value: data}), !was
}

// cancelled removes the draft of the editor that esc closed.
func (r *rowDrafts) cancelled() tea.Cmd {
	if r == nil || r.f == nil {
		return nil
	}
	f, id := r.f, r.id
	r.close()
	if !r.waiting[id] {
		return nil
	}
	delete(r.waiting, id)
	return f.discard()
}

// committed removes the draft of the editor that enter closed with change
// c, once c is in the store: until then the draft is all there is of the
// text. When c does not get there (a conflict with another connection, a
// failing disk), the draft stays and the row keeps its mark.
func (r *rowDrafts) committed(c model.Change) tea.Cmd {
	if r == nil || r.f == nil {
		return nil
	}
	f, id := r.f, r.id
	r.close()
	if !r.waiting[id] {
		return nil
	}
	delete(r.waiting, id)
	if c.Empty() {
		return f.discard() // the stored value is what was typed
	}
	ch, st, sessID := r.changes, r.st, r.sessID
	opened := r.opened(f.key)
	return func() tea.Msg {
		for end := time.Now().Add(storedWait); ch.busy() && time.Now().Before(end); {
			time.Sleep(5 * time.Millisecond)
		}
		if r.opened(f.key) != opened {
			return nil // the row is open again: its new editor owns the draft
		}
		sess, err := st.Get(sessID)
		if ch.busy() || err != nil || c.Inverse().Apply(sess) != nil {
			return rowDraftKeptMsg{key: f.key}
		}
		if cmd := f.discard(); cmd != nil {
			return cmd()
		}
		return nil
	}
}

func (r *rowDrafts) opened(key string) int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.opens[key]
}

// kept marks the row of a draft that stayed after enter; false when the
// draft is not one of this list's.
func (r *rowDrafts) kept(msg rowDraftKeptMsg) bool {
	if r == nil {
		return false
	}
	id, ok := strings.CutPrefix(msg.key, r.prefix)
	if !ok {
		return false
	}
	r.waiting[id] = true
	return true
}

// close forgets the open editor; its draft stays in the store.
func (r *rowDrafts) close() {
	if r != nil {
		r.id, r.f, r.base, r.last, r.restored, r.typedAt = "", nil, nil, nil, false, time.Time{}
	}
}

// draftNote is restoredLine wrapped to w cells (indented like the form's
// fields) in st's warning style; unstyled without st; "" without a
// restored draft.
func (e *editList) draftNote(st *Styles, w int) string {
	line := e.drafts.restoredLine()
	if line == "" {
		return ""
	}
	lines := strings.Split(wrapText(line, max(w-2, 10)), "\n")
	for i, l := range lines {
		if st != nil {
			l = st.Warn.Render(l)
		}
		lines[i] = "  " + l
	}
	return strings.Join(lines, "\n")
}

// restoredLine tells the user that the editor holds a draft, not the
// stored value; "" when it does not.
func (r *rowDrafts) restoredLine() string {
	if r == nil || !r.restored {
		return ""
	}
	when := ""
	if !r.typedAt.IsZero() {
		when = r.when(r.typedAt) + " "
	}
	return "Entwurf " + when + "wiederhergestellt – enter speichert, esc verwirft"
}

// when is "von 16:42" today, "vom 28.11.2026, 16:42" before.
func (r *rowDrafts) when(t time.Time) string {
	at := t.In(displayZone)
	if y, m, d := r.now().In(displayZone).Date(); at.Year() != y || at.Month() != m || at.Day() != d {
		return "vom " + at.Format("02.01.2006, 15:04")
	}
	return "von " + at.Format("15:04")
}

// waitingLine tells, for the preview of row id, that a draft of it
// waits; "" when none does.
func (e *editList) waitingLine(id string) string {
	r := e.drafts
	if r == nil || !r.waiting[id] || id == r.id {
		return ""
	}
	if at, ok := r.typed[id]; ok && !at.IsZero() {
		return markDraft + " Entwurf " + r.when(at) + " – enter setzt ihn fort"
	}
	return markDraft + " Entwurf – enter setzt ihn fort"
}
