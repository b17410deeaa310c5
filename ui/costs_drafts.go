package ui

import (
	"net/url"
	"strings"

	tea "github.com/charmbracelet/bubbletea"
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

// pruneDrafts drops, once the set of partners changed, the drafts of
// partners that are no longer on the sheet.
func (t *costsTab) pruneDrafts() tea.Cmd {
	r := t.ed.drafts
	if r == nil || t.own != "" {
		return nil
	}
	names := map[string]bool{}
	var sig strings.Builder
	sig.WriteString("#") // never the zero value: the first call prunes
	for _, p := range t.cs.Partners {
		n := partnerDraftName(p.Name)
		names[n] = true
		sig.WriteString(n + "/")
	}
	if t.draftNames == sig.String() {
		return nil
	}
	t.draftNames = sig.String()
	st, dir := r.st, r.root+costPartnerDir
	return func() tea.Msg {
		keys, err := st.DraftKeys(dir)
		if err != nil {
			return nil // the next change of the partners tries again
		}
		for _, k := range keys {
			if name, _, ok := strings.Cut(strings.TrimPrefix(k, dir), "/"); ok && !names[name] {
				if err := st.DeleteDraft(k); err != nil {
					return errMsg{err}
				}
			}
		}
		return nil
	}
}
