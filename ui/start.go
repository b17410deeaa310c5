package ui

import (
	"fmt"
	"io"
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/list"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"ikz/model"
	"ikz/store"
	"ikz/ui/wording"
)

const tagline = "Entscheidungshilfe für interkommunale Zusammenarbeit in der Schul-IT"

// summariesMsg carries the session list (newest change first), which
// session to select and a status line to show.
type summariesMsg struct {
	items    []store.Summary
	selectID string
	status   string
	deleted  *store.Summary // set after a delete: enables undo
	edited   *sessionEdit   // set after a session-data edit: enables z
	// total is the number of all sessions when items is only the first
	// page (partial); the full list follows in a second message.
	total   int
	partial bool
}

// firstPage is how many summaries the first frame shows before the full
// list has been read: more than fit on the largest screen.
const firstPage = 100

// startModel is the start screen: the saved sessions in a filterable list.
type startModel struct {
	d    tabDeps
	keys startKeys
	gk   globalKeys
	list list.Model
	help help.Model

	width, height int
	loaded        bool
	partial       bool // only the first page is shown; the full list is on its way
	total         int  // number of all sessions while partial
	fullHelp      bool

	status    string
	statusErr bool

	confirm *confirmDialog
	rename  *renameDialog
	deleted *store.Summary // the last session put in the trash (undo)
	edited  *sessionEdit   // the last session-data edit (z takes it back)
}

func newStartModel(d tabDeps) startModel {
	l := list.New(nil, sessionDelegate{s: d.styles}, 0, 0)
	l.Filter = searchFilter
	l.SetShowTitle(false)
	l.SetShowFilter(false)
	l.SetShowStatusBar(false)
	l.SetShowPagination(false)
	l.SetShowHelp(false)
	l.DisableQuitKeybindings()
	l.FilterInput.Prompt = "Suchen: "
	l.FilterInput.PromptStyle = d.styles.Accent
	l.FilterInput.Cursor.Style = d.styles.Accent
	germanListKeys(&l.KeyMap)

	h := help.New()
	h.Styles = d.styles.Help
	h.ShortSeparator = " · "
	return startModel{d: d, keys: defaultStartKeys(), gk: defaultGlobalKeys(), list: l, help: h}
}

// germanListKeys gives the list's own bindings German help texts.
func germanListKeys(k *list.KeyMap) {
	k.CursorUp.SetHelp("↑/k", "hoch")
	k.CursorDown.SetHelp("↓/j", "runter")
	k.PrevPage.SetHelp("←/h/Bild↑", "Seite zurück")
	k.NextPage.SetHelp("→/l/Bild↓", "Seite vor")
	k.GoToStart.SetHelp("g/Pos1", "Anfang")
	k.GoToEnd.SetHelp("G/Ende", "Ende")
	k.Filter.SetHelp("/", "suchen")
	k.ClearFilter.SetHelp("esc", "Suche löschen")
	k.CancelWhileFiltering.SetHelp("esc", "abbrechen")
	k.AcceptWhileFiltering.SetHelp("enter", "übernehmen")
}

// Init reads the first page only, so the first frame comes at once even
// with 10,000 sessions; the full list (for filtering and scrolling) follows.
func (m startModel) Init() tea.Cmd {
	d := m.d
	if d.only != nil {
		return listCmd(d, "", "", nil) // a few sessions out of the whole list
	}
	return func() tea.Msg {
		items, total, err := d.store.ListFirst(firstPage)
		if err != nil {
			return errMsg{err}
		}
		return summariesMsg{items: items, total: total, partial: len(items) < total, status: newSessionDraftNote(d)}
	}
}

// reload reads the list again; selectID is selected afterwards.
func (m startModel) reload(selectID, status string) tea.Cmd {
	return listCmd(m.d, selectID, status, nil)
}

// listCmd lists the sessions, newest change first. Only summaries are read:
// nothing decodes whole sessions here.
func listCmd(d tabDeps, selectID, status string, deleted *store.Summary) tea.Cmd {
	return func() tea.Msg {
		items, err := d.store.List() // newest change first
		if err != nil {
			return errMsg{err}
		}
		return summariesMsg{items: items, selectID: selectID, status: status, deleted: deleted}
	}
}

func (m *startModel) SetSize(w, h int) {
	m.width, m.height = w, h
	m.layout()
}

// layout gives the list what is left of the screen.
func (m *startModel) layout() {
	lw, _ := m.columns()
	m.help.Width = m.width
	m.list.SetSize(lw, max(1, m.height-m.chromeHeight()))
}

// columns splits the width between the list and, on wide screens, the
// detail panel (0 when there is none).
func (m *startModel) columns() (list, detail int) {
	if m.width >= wideWidth {
		detail = min(72, m.width*2/5)
		return m.width - detail - 2, detail
	}
	return m.width, 0
}

// chromeHeight counts the lines around the list: header, rule, info line,
// blank line, status line and help.
func (m *startModel) chromeHeight() int {
	return 4 + 1 + lipgloss.Height(m.helpView())
}

func (m startModel) capturing() bool {
	return m.list.SettingFilter() || m.rename != nil
}

func (m startModel) selected() (store.Summary, bool) {
	it, ok := m.list.SelectedItem().(sessionItem)
	if !ok {
		return store.Summary{}, false
	}
	return *it.Summary, true
}

func (m startModel) Update(msg tea.Msg) (startModel, tea.Cmd) {
	switch msg := msg.(type) {
	case summariesMsg:
		msg = m.visible(msg)
		if msg.partial {
			return m.setItems(msg), listCmd(m.d, "", msg.status, nil)
		}
		if m.partial && msg.selectID == "" {
			// the full list after the first page: keep the user's place
			if sel, ok := m.selected(); ok {
				msg.selectID = sel.ID
			}
		}
		return m.setItems(msg), nil
	case errMsg:
		m.status, m.statusErr = msg.err.Error(), true
		return m, nil
	}

	if m.confirm != nil {
		return m.updateConfirm(msg)
	}
	if m.rename != nil {
		return m.updateRename(msg)
	}

	k, isKey := msg.(tea.KeyMsg)
	if isKey && !m.list.SettingFilter() {
		m.status, m.statusErr = "", false
		sel, hasSel := m.selected()
		switch {
		case key.Matches(k, m.gk.Help):
			m.fullHelp = !m.fullHelp
			m.layout()
			return m, nil
		case key.Matches(k, m.keys.New) && m.d.only == nil && !m.d.participant:
			return m, func() tea.Msg { return newSessionMsg{} }
		case key.Matches(k, m.keys.Open) && hasSel:
			return m, func() tea.Msg { return openSessionMsg{id: sel.ID} }
		case key.Matches(k, m.keys.Rename) && hasSel && !m.d.participant:
			m.rename = newRenameDialog(m.d, sel)
			return m, m.rename.Init()
		case key.Matches(k, m.keys.Copy) && hasSel && m.d.only == nil && !m.d.participant:
			return m, duplicateCmd(m.d, sel)
		case key.Matches(k, m.keys.Delete) && hasSel && !m.d.remote:
			m.confirm = &confirmDialog{sum: sel}
			return m, nil
		case key.Matches(k, m.keys.Undo) && m.deleted != nil:
			return m, restoreCmd(m.d, *m.deleted)
		case key.Matches(k, m.keys.UndoEdit) && m.edited != nil:
			return m, undoEditCmd(m.d, *m.edited)
		}
	}

	var cmd tea.Cmd
	m.list, cmd = m.list.Update(msg)
	return m, cmd
}

// visible keeps the sessions this screen may show (tabDeps.only).
func (m startModel) visible(msg summariesMsg) summariesMsg {
	if m.d.only == nil {
		return msg
	}
	var items []store.Summary
	for _, s := range msg.items {
		if m.d.only[s.ID] {
			items = append(items, s)
		}
	}
	msg.items, msg.total, msg.partial = items, len(items), false
	return msg
}

func (m startModel) setItems(msg summariesMsg) startModel {
	items := make([]list.Item, len(msg.items))
	sel := -1
	for i := range msg.items {
		items[i] = sessionItem{&msg.items[i]} // pointer-shaped: no allocation per item
		if msg.items[i].ID == msg.selectID {
			sel = i
		}
	}
	m.list.ResetFilter()
	m.list.SetItems(items)
	if sel >= 0 {
		m.list.Select(sel)
	}
	m.loaded = true
	m.partial, m.total = msg.partial, msg.total
	m.status, m.statusErr = msg.status, false
	m.deleted = msg.deleted
	m.keys.Undo.SetEnabled(m.deleted != nil)
	m.edited = msg.edited
	m.keys.UndoEdit.SetEnabled(m.edited != nil)
	m.layout()
	return m
}

func (m startModel) updateConfirm(msg tea.Msg) (startModel, tea.Cmd) {
	k, ok := msg.(tea.KeyMsg)
	if !ok {
		return m, nil
	}
	switch k.String() {
	case "j", "J", "y", "Y", "enter":
		sum := m.confirm.sum
		m.confirm = nil
		return m, deleteCmd(m.d, sum)
	case "n", "N", "esc":
		m.confirm = nil
	}
	return m, nil
}

func (m startModel) updateRename(msg tea.Msg) (startModel, tea.Cmd) {
	if k, ok := msg.(tea.KeyMsg); ok && k.String() == "esc" {
		m.rename = nil
		return m, nil
	}
	done, cmd := m.rename.Update(msg)
	if done {
		r := m.rename
		m.rename = nil
		return m, editSessionCmd(m.d, r)
	}
	return m, cmd
}

// Store actions: each does its work and reads the list again in the same
// command, so the screen gets one message.

func deleteCmd(d tabDeps, sum store.Summary) tea.Cmd {
	return func() tea.Msg {
		if err := d.store.Delete(sum.ID); err != nil {
			return errMsg{err}
		}
		status := fmt.Sprintf("Sitzung im Papierkorb – u macht es rückgängig, später: ikz restore %s", sum.ID)
		return listCmd(d, "", status, &sum)()
	}
}

func restoreCmd(d tabDeps, sum store.Summary) tea.Cmd {
	return func() tea.Msg {
		if err := d.store.Restore(sum.ID); err != nil {
			return errMsg{err}
		}
		return listCmd(d, sum.ID, fmt.Sprintf("„%s“ ist wiederhergestellt.", truncate(sum.Title, 40)), nil)()
	}
}

func duplicateCmd(d tabDeps, sum store.Summary) tea.Cmd {
	return func() tea.Msg {
		c, err := d.store.Duplicate(sum.ID)
		if err != nil {
			return errMsg{err}
		}
		return listCmd(d, c.ID, fmt.Sprintf("Kopie angelegt: „%s“.", truncate(c.Title, 50)), nil)()
	}
}

// editSessionCmd stores the edited session data as one change.
func editSessionCmd(d tabDeps, r *renameDialog) tea.Cmd {
	id := r.sum.ID
	return func() tea.Msg {
		sess, err := d.store.Get(id)
		if err != nil {
			return errMsg{err}
		}
		c := r.change(sess)
		if c.Empty() {
			return listCmd(d, id, "Unverändert.", nil)()
		}
		kept := r.costRowsKept(sess)
		if _, err := d.store.Apply(id, c); err != nil {
			return errMsg{err}
		}
		status := "Sitzungsdaten gespeichert – z nimmt zurück."
		if len(kept) > 0 {
			status = "Gespeichert, z nimmt zurück. " + keptCostRowsNote(kept) + "."
		}
		msg := listCmd(d, id, status, nil)()
		if sm, ok := msg.(summariesMsg); ok {
			sm.edited = &sessionEdit{id: id, change: c}
			return sm
		}
		return msg
	}
}

// sessionEdit is a stored session-data edit that z can take back.
type sessionEdit struct {
	id     string
	change model.Change
}

// undoEditCmd applies the inverse of the last session-data edit; it is
// refused when the session changed meanwhile (strict), nothing is lost.
func undoEditCmd(d tabDeps, e sessionEdit) tea.Cmd {
	return func() tea.Msg {
		if _, err := d.store.Apply(e.id, e.change.Inverse()); err != nil {
			return errMsg{err}
		}
		return listCmd(d, e.id, "Bearbeitung zurückgenommen: "+e.change.Name+".", nil)()
	}
}

// View

func (m startModel) View() string {
	s := m.d.styles
	var b strings.Builder
	b.WriteString(spread(s.AppName.Render("IKZ-Lotse")+"  "+s.Tagline.Render(tagline), "", m.width))
	b.WriteString("\n")
	b.WriteString(s.Rule.Render(strings.Repeat("─", m.width)))
	b.WriteString("\n")
	b.WriteString(m.infoLine())
	b.WriteString("\n\n")

	bodyH := max(1, m.height-m.chromeHeight())
	b.WriteString(m.body(bodyH))
	b.WriteString("\n")
	b.WriteString(m.statusLine())
	b.WriteString("\n")
	b.WriteString(m.helpView())
	return b.String()
}

func (m startModel) infoLine() string {
	s := m.d.styles
	switch {
	case !m.loaded:
		return s.Muted.Render("Sitzungen werden geladen …")
	case m.list.SettingFilter():
		return m.list.FilterInput.View()
	case len(m.list.Items()) == 0:
		return ""
	}
	total, visible := len(m.list.Items()), len(m.list.VisibleItems())
	if m.partial {
		total = m.total
	}
	info := wording.Plural(total, "gespeicherte Sitzung", "gespeicherte Sitzungen")
	if m.list.IsFiltered() {
		info = fmt.Sprintf("%d von %d Sitzungen passen zu „%s“ (esc zeigt alle)", visible, total, m.list.FilterValue())
	}
	if it, ok := m.list.SelectedItem().(sessionItem); ok && visible > 0 {
		// the ID is what ikz export, backup and serve --session need
		info += " · gewählt: ID " + it.ID + " (für ikz export " + it.ID + ")"
	}
	return s.Muted.Render(truncate(info, m.width))
}

func (m startModel) body(h int) string {
	s := m.d.styles
	if m.confirm != nil {
		return lipgloss.Place(m.width, h, lipgloss.Center, lipgloss.Center, m.confirm.View(s))
	}
	if m.rename != nil {
		return lipgloss.Place(m.width, h, lipgloss.Center, lipgloss.Center, m.rename.View(h))
	}
	if m.loaded && len(m.list.Items()) == 0 {
		return block(m.emptyView(), m.width, h)
	}
	lw, dw := m.columns()
	lv := block(m.list.View(), lw, h)
	if dw == 0 {
		return lv
	}
	sel, ok := m.selected()
	if !ok {
		return lv
	}
	return lipgloss.JoinHorizontal(lipgloss.Top, lv, "  ", m.detail(sel, dw, h))
}

func (m startModel) emptyView() string {
	s := m.d.styles
	if m.d.participant || m.d.only != nil {
		// Participants cannot create sessions: say what to wait for.
		return s.Title.Render("Noch keine Workshop-Sitzung.") + "\n" +
			s.Text.Render("Die Moderation legt sie an; sie erscheint hier, sobald es sie gibt.")
	}
	return s.Title.Render("Noch keine Sitzung gespeichert.") + "\n" +
		s.Text.Render("Mit n legen Sie die erste an: Titel eingeben, Enter bis zum letzten Feld.")
}

func (m startModel) statusLine() string {
	s := m.d.styles
	if m.status == "" {
		return ""
	}
	if m.statusErr {
		return s.Error.Render(truncate(m.status, m.width))
	}
	return s.Info.Render(truncate(m.status, m.width))
}

func (m startModel) keyMap() keyMap {
	k := m.keys
	hasItems := len(m.list.VisibleItems()) > 0
	k.Open.SetEnabled(hasItems)
	k.Copy.SetEnabled(hasItems && m.d.only == nil && !m.d.participant)
	k.New.SetEnabled(m.d.only == nil && !m.d.participant)
	k.Rename.SetEnabled(hasItems && !m.d.participant)
	k.Delete.SetEnabled(hasItems && !m.d.remote)
	k.Filter.SetEnabled(len(m.list.Items()) > 0)
	switch {
	case m.confirm != nil:
		return keyMap{short: []key.Binding{
			key.NewBinding(key.WithKeys("j"), key.WithHelp("j/enter", "löschen")),
			key.NewBinding(key.WithKeys("n"), key.WithHelp("n/esc", "abbrechen")),
		}}
	case m.rename != nil:
		return keyMap{short: []key.Binding{
			key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "speichern")),
			key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "abbrechen")),
		}}
	case m.list.SettingFilter():
		return keyMap{short: []key.Binding{m.list.KeyMap.AcceptWhileFiltering, m.list.KeyMap.CancelWhileFiltering}}
	}
	short := []key.Binding{k.New, k.Open, k.Filter, k.Delete, k.Undo, k.UndoEdit}
	undo, undoEdit := k.Undo, k.UndoEdit
	undo.SetEnabled(true) // the full help names u even before something was deleted
	undoEdit.SetEnabled(true)
	full := [][]key.Binding{
		{k.Up, k.Down, m.list.KeyMap.NextPage, m.list.KeyMap.PrevPage, m.list.KeyMap.GoToStart, m.list.KeyMap.GoToEnd},
		{k.New, k.Open, k.Rename, k.Copy, k.Delete, undo, undoEdit},
		{k.Filter, m.list.KeyMap.ClearFilter},
	}
	return compose(keyMap{short: short, full: full}, m.gk.Help, m.gk.Quit)
}

func (m startModel) helpView() string {
	km := m.keyMap()
	if m.fullHelp {
		return fullHelp(m.help, km.FullHelp(), m.width)
	}
	if m.confirm != nil || m.rename != nil || m.list.SettingFilter() {
		return m.help.ShortHelpView(km.ShortHelp())
	}
	n := len(km.short)
	return footer(m.help, m.width, km.short[:n-2], km.short[n-2:])
}

// detail is the panel next to the list on wide screens.
func (m startModel) detail(sum store.Summary, w, h int) string {
	s := m.d.styles
	inner := w - s.Box.GetHorizontalFrameSize()
	row := func(label, value string) string {
		return s.Muted.Render(padRight(label, 14)) + s.Text.Render(truncate(value, inner-14))
	}
	lines := []string{s.Title.Render(truncate(sum.Title, inner)), ""}
	if sum.Traeger != "" {
		lines = append(lines, row("Schulträger", sum.Traeger))
	}
	land := "noch offen"
	if sum.Land != "" {
		land = landName(sum.Land)
	}
	lines = append(lines, row("Land", land))
	if sum.Participants > 0 {
		lines = append(lines, row("Beteiligte", wording.Plural(sum.Participants, "Kommune", "Kommunen")))
	}
	lines = append(lines, row("Zuletzt", germanDate(sum.Updated)+" Uhr"), "", s.Title.Render("Fortschritt"))
	for _, p := range sum.Progress {
		lines = append(lines, progressRow(s, p, inner))
	}
	switch cm, ok := model.ModelByID(sum.TopModel); {
	case sum.Decided != "": // the group's decision, the computed model under it
		lines = append(lines, "", s.Title.Render(wording.GroupDecision),
			s.Good.Render(truncate("✓ "+wording.ModelName(sum.Decided), inner)))
		if sum.Decided != sum.TopModel && sum.Answered > 0 {
			lines = append(lines, s.Muted.Render(truncate("berechnet: "+computedName(sum), inner)))
		}
	case ok && sum.Answered > 0:
		lines = append(lines, "", s.Title.Render("Vorläufige Empfehlung"), s.Accent.Render(truncate(cm.Name, inner)))
		if sum.TopCheck {
			lines = append(lines, s.Warn.Render("⚠ "+model.MarkerCheck+": Rechtsgrundlage im Land"))
		}
	case sum.TopTied && sum.Answered > 0:
		lines = append(lines, "", s.Title.Render("Vorläufige Empfehlung"),
			s.Muted.Render(truncate(model.NoRecommendation+" – mehrere Modelle gleichauf", inner)))
	default:
		lines = append(lines, "", s.Title.Render("Vorläufige Empfehlung"), s.Muted.Render("noch keine – erst das Profil beantworten"))
	}
	if sum.OverdueMeasures > 0 {
		lines = append(lines, "", s.Warn.Render(wording.Plural(sum.OverdueMeasures, "Maßnahme ist überfällig", "Maßnahmen sind überfällig")))
	}
	body := strings.Join(lines, "\n")
	return s.Box.Width(w - s.Box.GetHorizontalBorderSize()).MaxHeight(h).Render(body)
}

// progressRow renders one phase: name, bar, quick check and notes.
func progressRow(s *Styles, p model.PhaseProgress, w int) string {
	name := string(p.Phase)
	if ph, ok := model.PhaseByID(p.Phase); ok {
		name = ph.Short
	}
	full, empty := bar(p.QuickDone, p.QuickTotal, 10)
	text := fmt.Sprintf(" %d/%d Quick-Check · %d/%d Fragen", p.QuickDone, p.QuickTotal, p.NotesDone, p.NotesTotal)
	return truncate(s.Muted.Render(padRight(name, 14))+s.BarDone.Render(full)+s.BarTodo.Render(empty)+s.Text.Render(text), w)
}

// landName returns the Land's name, or "Land offen".
func landName(code string) string {
	if code == "" {
		return "Land offen"
	}
	if l, ok := model.LandByCode(code); ok {
		return l.Name
	}
	return code
}

// sessionItem is one row of the start list. It points into the slice of
// summaries, so 10,000 rows cost no allocation each.
type sessionItem struct{ *store.Summary }

func (i sessionItem) FilterValue() string {
	land := ""
	if l, ok := model.LandByCode(i.Land); ok {
		land = l.Name
	}
	return i.Title + " " + i.Traeger + " " + land + " " + i.ID
}

// searchFilter finds the sessions whose title, Schulträger, Land or ID
// contain every word of the term, ignoring case and umlauts: "muritz" and
// "mueritz" both find "Müritzbrück". A match in the plain text is
// highlighted.
func searchFilter(term string, targets []string) []list.Rank {
	words := strings.Fields(strings.ToLower(term))
	var ranks []list.Rank
	for i, t := range targets {
		lower := strings.ToLower(t)
		forms := []string{lower, foldUmlauts(lower, false), foldUmlauts(lower, true)}
		ok := len(words) > 0
		var idx []int
		for _, w := range words {
			found := false
			for fi, f := range forms {
				if strings.Contains(f, foldUmlauts(w, fi == 2)) || strings.Contains(f, w) {
					found = true
					if at := strings.Index(lower, w); fi == 0 && at >= 0 {
						start := len([]rune(lower[:at]))
						for k := range []rune(w) {
							idx = append(idx, start+k)
						}
					}
					break
				}
			}
			ok = ok && found
		}
		if ok {
			ranks = append(ranks, list.Rank{Index: i, MatchedIndexes: idx})
		}
	}
	return ranks
}

// foldUmlauts writes ä, ö, ü, ß as a, o, u, ss (or, with e, as ae, oe, ue).
func foldUmlauts(s string, e bool) string {
	pairs := []string{"ä", "a", "ö", "o", "ü", "u", "Ä", "A", "Ö", "O", "Ü", "U", "ß", "ss"}
	if e {
		pairs = []string{"ä", "ae", "ö", "oe", "ü", "ue", "Ä", "Ae", "Ö", "Oe", "Ü", "Ue", "ß", "ss"}
	}
	return strings.NewReplacer(pairs...).Replace(s)
}

// sessionDelegate renders a session in two lines: title and last change,
// then Schulträger, Land, progress per phase and the leading model.
type sessionDelegate struct{ s *Styles }

func (d sessionDelegate) Height() int                             { return 2 }
func (d sessionDelegate) Spacing() int                            { return 1 }
func (d sessionDelegate) Update(_ tea.Msg, _ *list.Model) tea.Cmd { return nil }

func (d sessionDelegate) Render(w io.Writer, m list.Model, index int, it list.Item) {
	item, ok := it.(sessionItem)
	if !ok {
		return
	}
	s := d.s
	width := m.Width()
	selected := index == m.Index()

	cursor, titleStyle, descStyle := "  ", s.ItemTitle, s.ItemDesc
	if selected {
		cursor, titleStyle, descStyle = s.ItemCursor.Render("> "), s.ItemSelTitle, s.ItemSelDesc
	}
	date := s.Muted.Render(germanDate(item.Updated))
	titleW := width - 2 - displayWidth(date) - 2
	title := truncate(item.Title, titleW)
	if matches := m.MatchesForItem(index); len(matches) > 0 {
		title = lipgloss.StyleRunes(title, inTitle(matches, len([]rune(title))), titleStyle.Inherit(s.ItemMatch), titleStyle)
	} else {
		title = titleStyle.Render(title)
	}
	line1 := spread(cursor+title, date, width)
	line2 := "  " + descStyle.Render(truncate(d.desc(*item.Summary, width), width-2))
	fmt.Fprint(w, line1+"\n"+line2)
}

func inTitle(matches []int, n int) []int {
	out := matches[:0:0]
	for _, i := range matches {
		if i < n {
			out = append(out, i)
		}
	}
	return out
}

// desc is the second line of a list row.
func (d sessionDelegate) desc(s store.Summary, width int) string {
	var parts []string
	if s.Traeger != "" {
		parts = append(parts, s.Traeger)
	}
	land := s.Land
	if land == "" {
		land = "Land offen"
	} else if width >= 100 {
		land = landName(land)
	}
	parts = append(parts, land)
	if s.OverdueMeasures > 0 { // review-tui (issue 5): before the progress, which is cut first
		parts = append(parts, "⚠ "+wording.Plural(s.OverdueMeasures, "Maßnahme", "Maßnahmen")+" überfällig")
	}
	var pr []string
	for _, p := range s.Progress {
		letter := strings.ToUpper(string(p.Phase)[:1])
		pr = append(pr, fmt.Sprintf("%s %d/%d", letter, p.QuickDone, p.QuickTotal))
	}
	parts = append(parts, strings.Join(pr, " "))
	if cm, ok := model.ModelByID(s.Decided); ok {
		parts = append(parts, "✓ "+cm.Short+" (Gruppe)")
	} else if cm, ok := model.ModelByID(s.TopModel); ok && s.Answered > 0 {
		top := "→ " + cm.Short
		if s.TopCheck {
			top += " ⚠ " + model.MarkerCheck
		}
		parts = append(parts, top)
	} else if s.TopTied && s.Answered > 0 {
		parts = append(parts, model.NoRecommendation)
	}
	return strings.Join(parts, " · ")
}

// computedName is the computed recommendation of a summary in a few words.
func computedName(sum store.Summary) string {
	switch {
	case sum.TopModel != "":
		return wording.ModelName(sum.TopModel)
	case sum.TopTied:
		return model.NoRecommendation
	}
	return "kein Modell"
}
