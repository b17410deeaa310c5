package ui

import (
	"slices"

	"ikz/model"
)

// A participant of ikz serve enters its municipality's own figures – one
// partner row of the session's cost-sharing sheet, opened from the
// Workshop tab (e). It uses the facilitator's Kostenverteilung page with
// the same fields, checks and messages, restricted to that row: the name
// stays the municipality's, the other partners, the joint cost and the
// full table stay out of sight, and every enter stores a change of this
// row only (model.SetCostPartnerChange), so municipalities typing at once
// do not overwrite each other. The row is matched by name as the CSV
// import does and created with the first figure. While the facilitator
// keeps answers hidden (blind mode), the page shows no shares either.

// newOwnCostsTab is the page for participant pid, called name.
func newOwnCostsTab(d tabDeps, sess *model.Session, pid, name string) *costsTab {
	k := defaultCostKeys()
	k.Table.SetEnabled(false) // every partner's figures
	k.Add.SetEnabled(false)
	k.Import.SetEnabled(false)
	k.Best.SetEnabled(false)
	k.Done.SetHelp("esc", "zum Workshop")
	t := &costsTab{d: d, keys: k, own: name, ownID: pid}
	t.ed = editList{keys: k.tabKeys, theme: d.styles.HuhTheme()}
	t.ed.keepDrafts(d, sess.ID, ownCostDraftTab)
	t.load(sess)
	t.ed.list.home()
	return t
}

// showOwn narrows the page to the own row: t.cs holds the stored sheet,
// plus the own row (empty) until the first figure creates it.
func (t *costsTab) showOwn(stored *model.CostSharing) {
	t.base = nil
	if stored != nil {
		c := stored.Clone()
		t.base = &c
	}
	if row, keep := t.sent.reconcile(t.cs, t.own, t.d.changes.busy()); keep {
		t.base = putRow(t.base, row)
		c := putRow(&t.cs, row)
		t.cs = *c
	}
	i := t.cs.CostPartnerIndex(t.own)
	if i < 0 {
		t.cs.Partners = append(t.cs.Partners, model.CostPartner{Name: t.own})
		i = len(t.cs.Partners) - 1
	}
	t.partner, t.fieldAt = i, i
}

// ownSent are the own rows written and perhaps not yet stored: a re-read
// session that does not have them yet (another municipality's save came
// first) must not take the figures just typed off the screen, nor be
// the base of the next change.
type ownSent struct {
	local   bool                // show is called with the page's own result
	from    *model.CostPartner  // the stored row before the first write (nil: none)
	rows    []model.CostPartner // written, oldest first
	started bool
}

// write records that row replaced prev (nil: none) on the page.
func (o *ownSent) write(prev *model.CostPartner, row model.CostPartner) {
	if !o.started {
		o.from, o.started = prev, true
	}
	o.rows = append(o.rows, row)
}

// reconcile compares a re-read sheet with what was written: keep is true
// (with the last row written) while saves are under way and the store
// has not caught up.
func (o *ownSent) reconcile(c model.CostSharing, name string, busy bool) (model.CostPartner, bool) {
	if o.local || len(o.rows) == 0 {
		return model.CostPartner{}, false
	}
	if !busy { // everything written is stored (or refused): the store is right
		*o = ownSent{}
		return model.CostPartner{}, false
	}
	var stored *model.CostPartner
	if i := c.CostPartnerIndex(name); i >= 0 {
		stored = &c.Partners[i]
	}
	last := o.rows[len(o.rows)-1]
	behind := stored == nil && o.from == nil
	if stored != nil {
		behind = (o.from != nil && *o.from == *stored) || slices.Contains(o.rows[:len(o.rows)-1], *stored)
	}
	if behind {
		return last, true
	}
	*o = ownSent{} // stored: in step, or changed by someone else (shown)
	return model.CostPartner{}, false
}

// putRow returns c (nil: a new sheet) with row replacing or added.
func putRow(c *model.CostSharing, row model.CostPartner) *model.CostSharing {
	n := model.NewCostSharing()
	if c != nil {
		n = c.Clone()
	}
	if i := n.CostPartnerIndex(row.Name); i >= 0 {
		n.Partners[i] = row
	} else {
		n.Partners = append(n.Partners, row)
	}
	return &n
}

// partnerFields are the fields of one partner; the own row keeps its name.
func (t *costsTab) partnerFields() []costField {
	fs := costPartnerFields(&t.cs)
	if t.own != "" {
		fs = slices.DeleteFunc(fs, func(f costField) bool { return f.id == "p_name" })
	}
	return fs
}

// ownChange is the change of the own row that next holds.
func (t *costsTab) ownChange(name string, next model.CostSharing) model.Change {
	s := &model.Session{Costs: t.base}
	c := model.SetCostPartnerChange(s, "Eigene Kostenzahlen – "+name, next.Partners[t.partner])
	c.As = t.ownID // stored, undone and redone only while this connection answers for it
	return c
}

// sending records the own row c writes (called when it is committed).
func (t *costsTab) sending(c model.Change) {
	for _, e := range c.Edits {
		if e.Field != model.FieldCostPartner {
			continue
		}
		var prev *model.CostPartner
		if e.Before.Set {
			prev = &e.Before.CostPartner
		}
		t.sent.write(prev, e.After.CostPartner)
	}
}

// ownGuard refuses a change once another connection answers for the
// municipality.
func (t *costsTab) ownGuard() error {
	if t.own == "" || t.d.claims == nil || t.sess == nil {
		return nil
	}
	if !t.d.claims.Holds(t.sess.ID, t.ownID, t.d.conn) {
		return errNotClaimed
	}
	return nil
}

// ownHidden: the facilitator keeps answers hidden, so shares are too.
func (t *costsTab) ownHidden() bool {
	return t.own != "" && t.sess != nil && t.sess.Workshop != nil && t.sess.Workshop.Blind
}
