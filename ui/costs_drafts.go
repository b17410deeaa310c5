package ui

import (
	"net/url"
	"slices"
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"ikz/model"
	"ikz/store"
)

// Drafts of the Kostenverteilung's editors (the editing contract,
// editlist_draft.go). Every partner has the same fields, so a field's id
// alone would bring partner B's typed figure back on partner A's field:
// the drafts are keyed by whose rows the list shows –
//
//	<session>/rows/kosten/blatt/<field>             joint cost, keys, a new partner's name
//	<session>/rows/kosten/partner/<name>/<field>    one partner's figures
//	<session>/rows/kosten-eigene/<name>/<field>     a participant's own figures (ikz serve)
//
// <name> is the partner's name as the model matches it (trimmed, case
// folded: model.CostPartnerIndex), escaped so that no name reaches into
// another's key. The index is not used: it moves when a partner before
// is deleted. A draft whose partner is gone (deleted, renamed) is
// dropped quietly. The participant's drafts live apart: its row may not
// exist yet (the first figure creates it), and the facilitator's pruning
// must not take them.

const (
	costDraftTab    = "kosten"
	ownCostDraftTab = "kosten-eigene"
	costSheetScope  = "blatt"
	costPartnerDir  = "partner/"
)

// partnerDraftName is a partner's name as a key segment.
func partnerDraftName(name string) string {
	return url.PathEscape(strings.ToLower(strings.TrimSpace(name)))
}

// costDraftScope is the scope of the rows the page shows.
func (t *costsTab) costDraftScope() string {
	switch {
	case t.own != "":
		return partnerDraftName(t.own)
	case t.partner >= 0 && t.partner < len(t.cs.Partners):
		return costPartnerDir + partnerDraftName(t.cs.Partners[t.partner].Name)
	}
	return costSheetScope
}

// draftedPartners are the key names of the partners with a waiting
// draft (for the overview's marks); nil without drafts.
func (t *costsTab) draftedPartners() map[string]bool {
	r := t.ed.drafts
	if r == nil || t.own != "" {
		return nil
	}
	keys, _ := r.st.DraftKeys(r.root + costPartnerDir)
	out := map[string]bool{}
	for _, k := range keys {
		name, _, ok := strings.Cut(strings.TrimPrefix(k, r.root+costPartnerDir), "/")
		if ok {
			out[name] = true
		}
	}
	return out
}

// costDraftsMovedMsg says that drafts were moved to a renamed partner:
// the marks are read anew.
type costDraftsMovedMsg struct{}

// pruneDrafts follows a change of the partners: the drafts of a renamed
// partner (one name replaced at the same place) move to its new name;
// those of partners no longer on the sheet are dropped.
func (t *costsTab) pruneDrafts() tea.Cmd {
	r := t.ed.drafts
	if r == nil {
		return nil
	}
	if t.own != "" {
		return t.pruneOwnDrafts()
	}
	if t.draftNames != nil && slices.EqualFunc(t.draftRaw, t.cs.Partners, func(n string, p model.CostPartner) bool { return n == p.Name }) {
		return nil // every keystroke passes here: no work while the partners stay
	}
	names := make([]string, len(t.cs.Partners))
	t.draftRaw = t.draftRaw[:0]
	for i, p := range t.cs.Partners {
		names[i] = partnerDraftName(p.Name)
		t.draftRaw = append(t.draftRaw, p.Name)
	}
	if t.draftNames != nil && slices.Equal(*t.draftNames, names) {
		return nil
	}
	var from, to string
	if prev := t.draftNames; prev != nil {
		from, to = renamed(*prev, names)
	}
	t.draftNames = &names
	st, dir := r.st, r.root+costPartnerDir
	return func() tea.Msg {
		keys, err := st.DraftKeys(dir)
		if err != nil {
			return nil // the next change of the partners tries again
		}
		moved := false
		for _, k := range keys {
			name, field, ok := strings.Cut(strings.TrimPrefix(k, dir), "/")
			switch {
			case !ok || slices.Contains(names, name):
			case name == from && field != "p_name": // the new name is stored already
				if err := moveDraft(st, k, dir+to+"/"+field); err != nil {
					return errMsg{err}
				}
				moved = true
			default:
				if err := st.DeleteDraft(k); err != nil {
					return errMsg{err}
				}
			}
		}
		if moved {
			return costDraftsMovedMsg{}
		}
		return nil
	}
}

// renamed is the one name of prev that next has replaced at the same
// place; "" when next is not such a rename of prev.
func renamed(prev, next []string) (from, to string) {
	if len(prev) != len(next) {
		return "", ""
	}
	for i := range prev {
		if prev[i] == next[i] {
			continue
		}
		if from != "" || slices.Contains(next, prev[i]) || slices.Contains(prev, next[i]) {
			return "", ""
		}
		from, to = prev[i], next[i]
	}
	return from, to
}

// moveDraft puts the draft under from to key to (unless one is there
// already) and removes it under from: written first, so that a crash in
// between leaves it twice (the old one is dropped later), never not at
// all.
func moveDraft(st *store.Store, from, to string) error {
	data, err := st.Draft(from)
	if err != nil || data == nil {
		return err
	}
	if have, err := st.Draft(to); err != nil {
		return err
	} else if have == nil {
		if err := st.PutDraft(to, data); err != nil {
			return err
		}
	}
	return st.DeleteDraft(from)
}

// draftsMoved reads the marks anew after drafts moved.
func (t *costsTab) draftsMoved() {
	if r := t.ed.drafts; r != nil {
		r.load() // the store's marks; an open editor's own draft is written on by sync
		t.ed.markDrafts()
	}
	t.refreshRows()
}

// pruneOwnDrafts drops, once per page, the own-figure drafts of
// municipalities that are no longer participants of the session (removed
// or renamed: the page of the old name is closed then).
func (t *costsTab) pruneOwnDrafts() tea.Cmd {
	if t.draftNames != nil || t.sess == nil {
		return nil
	}
	var names []string
	for _, p := range t.sess.Participants {
		names = append(names, partnerDraftName(p.Name))
	}
	t.draftNames = &names
	st, dir := t.ed.drafts.st, t.ed.drafts.root
	return func() tea.Msg {
		keys, err := st.DraftKeys(dir)
		if err != nil {
			return nil
		}
		for _, k := range keys {
			if name, _, ok := strings.Cut(strings.TrimPrefix(k, dir), "/"); ok && !slices.Contains(names, name) {
				if err := st.DeleteDraft(k); err != nil {
					return errMsg{err}
				}
			}
		}
		return nil
	}
}
