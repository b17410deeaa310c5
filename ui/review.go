package ui

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/viewport"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"

	"ikz/model"
	"ikz/store"
	"ikz/ui/report"
	"ikz/ui/wording"
	"ikz/wizard"
)

// Row IDs of the Review list.
const (
	rowReviewNew = "review:new"
	rowSnapPref  = "snap:"
	rowRevPref   = "rev:"
)

// Messages of the Review tab. The session screen routes them to this tab
// even when another tab is active (session_review.go).
type (
	// snapshotsMsg carries the snapshots of the session, each decoded.
	snapshotsMsg struct {
		infos    []store.SnapshotInfo
		sessions map[string]*model.Session
		err      error
	}
	// reviewDoneMsg: a review was recorded with its snapshot.
	reviewDoneMsg struct {
		sess *model.Session
		snap store.SnapshotInfo
		at   time.Time
	}
)

// reviewKeys are the keys of the Review tab.
type reviewKeys struct {
	tabKeys
	Review  key.Binding // start a review
	Compare key.Binding // read the whole comparison
}

func defaultReviewKeys() reviewKeys {
	k := reviewKeys{
		tabKeys: defaultTabKeys(),
		Review:  key.NewBinding(key.WithKeys("R", "r"), key.WithHelp("R", "Review durchführen")),
		Compare: key.NewBinding(key.WithKeys("enter", "right", "l"), key.WithHelp("enter", "ganzer Vergleich")),
	}
	k.Edit = key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "Review durchführen"))
	k.Done = draftDone()
	return k
}

// reviewTab is the Review tab: "Review durchführen" (H 4.3) records the
// date, the participants and the four evaluation answers together with a
// snapshot of the session; the comparison shows what changed between any
// earlier snapshot and today.
type reviewTab struct {
	frame string // the last View, see View
	d     tabDeps
	sess  *model.Session
	keys  reviewKeys
	list  itemList
	theme *huh.Theme
	w, h  int

	snaps      []store.SnapshotInfo // oldest first
	snapSess   map[string]*model.Session
	loadedRevs int // len(sess.Reviews) when the snapshots were read
	loadErr    error
	pending    bool   // a review is being recorded
	selectNext string // row to select when the snapshots arrive

	detail    viewport.Model
	full      bool // the whole comparison has the box (scrolling)
	detailKey string
	form      *huh.Form
	draft     *wizard.ReviewDraft
	// The draft in the store (session_drafts.go): written as the user
	// types, back when the form is reopened.
	drafts     *formDraft
	restored   bool   // the open form continues a stored draft
	hasDraft   bool   // a draft waits in the store
	askDiscard bool   // "Entwurf verwerfen?" is asked
	note       string // a line for the list (the draft kept after esc)
}

func newReviewTab(d tabDeps, sess *model.Session) tab {
	t := &reviewTab{d: d, keys: defaultReviewKeys(), theme: d.styles.HuhTheme(), detail: viewport.New(0, 0), loadedRevs: -1}
	t.sess = sess
	if data, err := d.store.Draft(t.draftKey()); err == nil && len(data) > 0 {
		t.hasDraft = true
	}
	t.refreshRows()
	return t
}

// Init reads the snapshots.
func (t *reviewTab) Init() tea.Cmd {
	t.loadedRevs = len(t.sess.Reviews)
	return loadSnapshotsCmd(t.d, t.sess.ID)
}

// loadSnapshotsCmd reads every snapshot of session id.
func loadSnapshotsCmd(d tabDeps, id string) tea.Cmd {
	return func() tea.Msg {
		infos, err := d.store.Snapshots(id)
		if err != nil {
			return snapshotsMsg{err: err}
		}
		out := snapshotsMsg{infos: infos, sessions: make(map[string]*model.Session, len(infos))}
		for _, in := range infos {
			s, err := d.store.GetSnapshot(id, in.ID)
			if err != nil {
				return snapshotsMsg{err: err}
			}
			out.sessions[in.ID] = s
		}
		return out
	}
}

func (t *reviewTab) SetSize(w, h int) {
	t.frame = ""
	t.w, t.h = w, h
	if t.form != nil {
		t.fitForm()
	}
	t.syncDetail()
}

// Capturing: the review form is modal.
func (t *reviewTab) Capturing() bool { return t.form != nil || t.askDiscard }
func (t *reviewTab) WantsEsc() bool  { return t.form != nil || t.full || t.askDiscard }

func (t *reviewTab) KeyMap() help.KeyMap {
	k := t.keys
	switch {
	case t.form != nil:
		return tabHelp(k.tabKeys, nil, t.form)
	case t.full:
		k.Done.SetHelp("esc", "zurück zur Liste")
		k.Move.SetHelp("↑/↓", "blättern")
		return tabHelp(k.tabKeys, []key.Binding{k.Done, k.PageDown, k.PageUp}, nil)
	}
	row, _ := t.list.selected()
	k.Compare.SetEnabled(strings.HasPrefix(row.id, rowSnapPref))
	return tabHelp(k.tabKeys, []key.Binding{k.Review, k.Compare, k.PageDown, k.PageUp}, nil)
}

func (t *reviewTab) Update(msg tea.Msg) (tab, tea.Cmd) {
	t.frame = ""
	switch msg := msg.(type) {
	case sessionLoadedMsg:
		if !newer(msg.sess, t.sess) {
			return t, nil
		}
		t.sess = msg.sess
		t.refreshRows()
		t.syncDetail()
		if len(msg.sess.Reviews) != t.loadedRevs && !t.pending {
			t.loadedRevs = len(msg.sess.Reviews)
			return t, loadSnapshotsCmd(t.d, t.sess.ID)
		}
		return t, nil
	case snapshotsMsg:
		t.setSnapshots(msg)
		return t, nil
	case reviewDoneMsg:
		t.pending = false
		t.hasDraft, t.note = false, ""
		discard := t.drafts.discard() // stored: the draft has done its work
		t.loadedRevs = len(msg.sess.Reviews)
		t.selectNext = "after-review"
		sess, at := msg.sess, msg.at
		return t, tea.Batch(
			func() tea.Msg {
				return savedMsg{sess: sess, at: at, what: "Review gespeichert, mit dem heutigen Stand"}
			},
			loadSnapshotsCmd(t.d, sess.ID), discard)
	case errMsg:
		t.pending = false
		return t, nil
	case tea.KeyMsg:
		switch {
		case t.askDiscard:
			return t, t.discardKey(msg)
		case t.form != nil:
			if key.Matches(msg, t.keys.Done) {
				// esc closes the form; the draft stays in the store
				t.form, t.draft = nil, nil
				t.hasDraft = t.drafts != nil && t.drafts.last != nil
				if t.hasDraft {
					t.note = "Entwurf gespeichert – R setzt ihn fort, Entf verwirft ihn."
				}
				t.refreshRows()
				return t, nil
			}
		case t.full:
			t.fullKey(msg)
			return t, nil
		default:
			cmd := t.listKey(msg)
			t.syncDetail()
			return t, cmd
		}
	}
	if t.form == nil {
		return t, nil
	}
	cmd := updateForm(t.form, msg)
	cmd = tea.Batch(cmd, t.drafts.sync(t.draft), t.afterForm())
	t.fitForm()
	return t, cmd
}

// draftKey is where the review draft of this session is kept.
func (t *reviewTab) draftKey() string { return t.sess.ID + "/review" }

// discardKey answers "Entwurf verwerfen?".
func (t *reviewTab) discardKey(msg tea.KeyMsg) tea.Cmd {
	switch msg.String() {
	case "j", "J", "y", "Y", "enter":
		t.askDiscard, t.hasDraft, t.note = false, false, "Entwurf verworfen."
		f := t.drafts
		if f == nil {
			f = &formDraft{st: t.d.store, key: t.draftKey()}
		}
		t.refreshRows()
		return f.discard()
	case "n", "N", "esc", "q":
		t.askDiscard, t.note = false, ""
	}
	return nil
}

// fitForm gives the form the box minus the title and its messages.
func (t *reviewTab) fitForm() {
	if t.form != nil {
		errH := lineCount(formErrors(t.d.styles, t.form, t.w, formErrLines))
		t.form = t.form.WithWidth(max(t.w, 10)).WithHeight(max(t.h-1-errH, 4))
	}
}

func (t *reviewTab) setSnapshots(msg snapshotsMsg) {
	t.loadErr = msg.err
	if msg.err == nil {
		t.snaps, t.snapSess = msg.infos, msg.sessions
	}
	t.refreshRows()
	switch {
	case t.selectNext == "after-review":
		// Compare today with the state before this review, if there is one.
		if id := t.baselineID(); id != "" && len(t.snaps) > 1 {
			t.list.selectID(rowSnapPref + id)
			t.full = true
		} else if rv := model.LatestReview(t.sess); rv != nil {
			t.list.selectID(rowRevPref + rv.ID)
		}
	case t.selectNext == "" && len(t.snaps) > 0:
		if id := t.baselineID(); id != "" {
			t.list.selectID(rowSnapPref + id)
		}
	}
	t.selectNext = "-" // only the first load picks a default
	t.detailKey = ""
	t.syncDetail()
}

// baselineID is the snapshot the report compares with: the newest one
// that differs from today (report.LastComparison).
func (t *reviewTab) baselineID() string {
	snaps := make([]report.Snapshot, 0, len(t.snaps))
	for _, in := range t.snaps {
		snaps = append(snaps, report.Snapshot{ID: in.ID, Label: in.Label, At: in.At, Session: t.snapSess[in.ID]})
	}
	if s, _ := report.LastComparison(t.sess, snaps, t.d.now()); s != nil {
		return s.ID
	}
	return ""
}

func (t *reviewTab) listKey(msg tea.KeyMsg) tea.Cmd {
	row, _ := t.list.selected()
	if t.list.navigate(t.keys.tabKeys, msg) {
		return nil
	}
	switch {
	case key.Matches(msg, t.keys.PageDown):
		t.detail.HalfPageDown()
	case key.Matches(msg, t.keys.PageUp):
		t.detail.HalfPageUp()
	case key.Matches(msg, t.keys.Review):
		return t.openForm()
	case key.Matches(msg, t.keys.Edit) && row.id == rowReviewNew:
		return t.openForm()
	case key.Matches(msg, t.keys.Clear) && row.id == rowReviewNew && t.hasDraft:
		t.askDiscard = true
		t.note = "Entwurf des Reviews verwerfen? j ja, verwerfen · n nein"
	case key.Matches(msg, t.keys.Compare) && row.id != rowReviewNew && row.id != "":
		t.full = true
	}
	return nil
}

func (t *reviewTab) fullKey(msg tea.KeyMsg) {
	if scrollKey(&t.detail, t.keys.tabKeys, msg) {
		t.full = false
	}
	t.syncDetail() // leaving gives the list its room back
}

func (t *reviewTab) refreshRows() {
	rows := []listRow{{id: rowReviewNew, mark: "+", label: "Review durchführen", value: "R"}}
	if t.hasDraft {
		rows[0].label, rows[0].value = "Review fortsetzen", "Entwurf · R"
	}
	switch {
	case t.loadErr != nil:
		rows = append(rows, listRow{label: "Stände nicht lesbar", warn: true})
	case len(t.snaps) == 0:
		rows = append(rows, listRow{label: "Vergleich", value: "noch kein Stand festgehalten"})
	default:
		rows = append(rows, listRow{label: "Heute vergleichen mit", value: wording.Plural(len(t.snaps), "Stand", "Ständen")}) // dative: "vergleichen mit 2 Ständen"
		for i := len(t.snaps) - 1; i >= 0; i-- {
			in := t.snaps[i]
			value := germanDate(in.At)
			if strings.Contains(in.Label, shortDate(in.At)) {
				value = in.At.In(displayZone).Format("15:04") + " Uhr" // the label has the day
			}
			rows = append(rows, listRow{id: rowSnapPref + in.ID, mark: "◷", label: in.Label, value: value})
		}
	}
	if n := len(t.sess.Reviews); n > 0 {
		rows = append(rows, listRow{label: "Reviews (" + strconv.Itoa(n) + ")"})
		for i := n - 1; i >= 0; i-- {
			r := t.sess.Reviews[i]
			value := ""
			if len(r.Participants) > 0 {
				// the names, not a count: "IT-Leitungen der 8 Gemeinden" is one entry of many people
				value = model.SafeLine(strings.Join(r.Participants, ", "))
			}
			rows = append(rows, listRow{id: rowRevPref + r.ID, mark: markDone, label: "Review " + shortDate(r.At), value: value})
		}
	}
	t.list.setRows(rows)
}

// shortDate is 21.11.2026 in the display zone.
func shortDate(t time.Time) string {
	if t.IsZero() {
		return "–"
	}
	return t.In(displayZone).Format(model.GermanDateLayout)
}

// --- layout and detail ---

func (t *reviewTab) lay() layout {
	if t.full || t.form != nil {
		return layout{listW: t.w, paneW: t.w, paneH: t.h}
	}
	if t.w >= wideTab {
		lw := min(max(t.w*2/5, 36), 56)
		return layout{wide: true, listW: lw, listH: t.h, paneW: t.w - lw - 3, paneH: t.h}
	}
	lh := min(len(t.list.rows), max(t.h/3, 4))
	return layout{listW: t.w, listH: lh, paneW: t.w, paneH: max(t.h-lh-1, 0)}
}

// View is cached: every change of state passes through Update or
// SetSize, which drop the frame.
func (t *reviewTab) View() string {
	if t.frame == "" {
		t.frame = t.render()
	}
	return t.frame
}

func (t *reviewTab) render() string {
	if t.w <= 0 || t.h <= 0 {
		return ""
	}
	st := t.d.styles
	if t.form != nil {
		// Short enough for 80 columns; esc's "Entwurf bleibt" is in the footer.
		hint := "enter nach der letzten Frage hält ihn fest"
		if t.restored {
			hint = "Entwurf fortgesetzt · " + hint
		}
		head := st.Title.Render("Review durchführen") + "  " + st.Muted.Render(hint)
		head = truncate(head, t.w)
		if errs := formErrors(st, t.form, t.w, formErrLines); errs != "" {
			head += "\n" + errs
		}
		return head + "\n" + fit(t.form.View(), t.w, t.h-lineCount(head))
	}
	l := t.lay()
	if t.full {
		return fit(t.detail.View(), t.w, t.h)
	}
	list := t.list.view(st, l.listW, l.listH, !t.askDiscard)
	out := l.join(st, list, t.detail.View(), t.w, t.h)
	if t.note != "" {
		// the draft's state takes the last line, where the eye looks after esc
		lines := strings.Split(out, "\n")
		lines[len(lines)-1] = st.Warn.Render(truncate(t.note, t.w))
		out = strings.Join(lines, "\n")
	}
	return out
}

// syncDetail rebuilds the pane when the selection, the size or the
// session changed.
func (t *reviewTab) syncDetail() {
	l := t.lay()
	t.detail.Width, t.detail.Height = l.paneW, l.paneH
	row, _ := t.list.selected()
	k := fmt.Sprintf("%s|%d|%v|%d|%v", row.id, l.paneW, t.sess.Updated, len(t.snaps), t.full)
	if k == t.detailKey {
		return
	}
	same := strings.HasPrefix(t.detailKey, row.id+"|")
	t.detailKey = k
	t.detail.SetContent(t.detailText(row.id, max(l.paneW, 20)))
	if !same {
		t.detail.GotoTop()
	}
}

func (t *reviewTab) detailText(id string, w int) string {
	switch {
	case strings.HasPrefix(id, rowSnapPref):
		sid := strings.TrimPrefix(id, rowSnapPref)
		before, ok := t.snapSess[sid]
		if !ok {
			return ""
		}
		var info store.SnapshotInfo
		for _, in := range t.snaps {
			if in.ID == sid {
				info = in
			}
		}
		c := model.Compare(before, t.sess, t.d.now())
		return comparisonText(t.d.styles, c, info, w)
	case strings.HasPrefix(id, rowRevPref):
		return t.reviewText(strings.TrimPrefix(id, rowRevPref), w)
	}
	return t.introText(w)
}

func (t *reviewTab) introText(w int) string {
	st := t.d.styles
	s := &section{st: st, w: w}
	s.lines = append(s.lines, st.Title.Render("Review durchführen"))
	s.para(st.Text, "Einmal im Jahr (oder wenn sich viel ändert) prüft die Steuerungsgruppe die Zusammenarbeit. Festgehalten werden Datum, Teilnehmende und die Antworten auf vier Fragen; dazu ein Stand der ganzen Sitzung, mit dem spätere Reviews vergleichen.")
	s.title("Die vier Fragen (H 4.3)")
	for i, q := range model.EvaluationQuestions {
		s.item(strconv.Itoa(i+1)+". ", st.Accent, st.Text, q.Text, "")
	}
	s.lines = append(s.lines, "")
	s.para(st.Faint, "R oder enter: Review beginnen. Danach zeigt der Vergleich, was sich seit einem früheren Stand geändert hat.")
	return s.String()
}

func (t *reviewTab) reviewText(id string, w int) string {
	st := t.d.styles
	var r *model.Review
	for i := range t.sess.Reviews {
		if t.sess.Reviews[i].ID == id {
			r = &t.sess.Reviews[i]
		}
	}
	if r == nil {
		return ""
	}
	s := &section{st: st, w: w}
	s.lines = append(s.lines, st.Title.Render(truncate("Review vom "+shortDate(r.At), w)))
	if len(r.Participants) > 0 {
		s.item("Teilnehmende: ", st.Muted, st.Text, strings.Join(r.Participants, ", "), "")
	}
	for _, in := range t.snaps {
		if in.ID == r.SnapshotID {
			s.item("Stand: ", st.Muted, st.Text, in.Label+" – im Vergleich oben auswählbar", "")
		}
	}
	for _, q := range model.EvaluationQuestions {
		s.lines = append(s.lines, "", para(st.Title, q.Text, w))
		if a := strings.TrimSpace(r.Answers[q.ID]); a != "" {
			s.para(st.Text, a)
		} else {
			s.lines = append(s.lines, st.Faint.Render("keine Antwort"))
		}
	}
	return s.String()
}

// --- the review form ---

func (t *reviewTab) openForm() tea.Cmd {
	if t.pending {
		return nil
	}
	t.draft = wizard.NewReviewDraft(t.d.now().In(displayZone))
	t.drafts, t.restored = openDraft(t.d.store, t.draftKey(), t.draft)
	if n := len(model.EvaluationQuestions); len(t.draft.Answers) != n {
		t.draft.Answers = append(t.draft.Answers, make([]string, n)...)[:n]
	}
	t.full, t.note = false, ""
	fields := wizard.ReviewFields(t.draft)
	k := measureFormKeys()
	k.Text.Prev.SetKeys("shift+tab")
	k.Text.Prev.SetEnabled(true)
	k.Text.Next.SetKeys("enter", "tab")
	t.form = huh.NewForm(huh.NewGroup(fields...)).
		WithShowHelp(false).
		WithShowErrors(false). // shown above the form, see View
		WithTheme(t.theme).
		WithKeyMap(k).
		WithWidth(max(t.w, 10)).
		WithHeight(max(t.h-1, 4))
	return t.form.Init()
}

// afterForm records the review once the form is completed.
func (t *reviewTab) afterForm() tea.Cmd {
	if t.form == nil || t.form.State == huh.StateNormal {
		return nil
	}
	done := t.form.State == huh.StateCompleted
	d := t.draft
	t.form, t.draft = nil, nil
	if !done {
		return nil
	}
	r, label, err := t.review(d)
	if err != nil { // the field validated the date already; just in case
		return func() tea.Msg { return errMsg{err} }
	}
	t.pending = true
	return recordReviewCmd(t.d, t.sess.ID, r, label)
}

// review turns the draft into a model.Review and the snapshot label.
func (t *reviewTab) review(d *wizard.ReviewDraft) (model.Review, string, error) {
	return d.Review(wizard.NewReviewID(t.sess.Reviews), t.d.now().In(displayZone))
}

// recordReviewCmd stores the review with its snapshot (recordReview).
func recordReviewCmd(d tabDeps, id string, r model.Review, label string) tea.Cmd {
	return func() tea.Msg {
		sess, info, err := recordReview(d.store, id, r, label)
		if err != nil {
			return errMsg{err}
		}
		return reviewDoneMsg{sess: sess, snap: info, at: d.now()}
	}
}

// recordReview stores the review and freezes the session with it, in one
// transaction (store.Apply). The errors are ready to show.
func recordReview(st *store.Store, id string, r model.Review, label string) (*model.Session, store.SnapshotInfo, error) {
	sess, err := st.Apply(id, model.AddReviewChange(r, label))
	if err != nil {
		return nil, store.SnapshotInfo{}, fmt.Errorf("Review nicht gespeichert: %w", err)
	}
	var info store.SnapshotInfo
	for _, x := range sess.Reviews {
		if x.ID == r.ID {
			info = store.SnapshotInfo{ID: x.SnapshotID, Label: label}
		}
	}
	return sess, info, nil
}
