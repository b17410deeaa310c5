package model

import (
	"fmt"
	"sort"
	"strings"
)

// The session data name the Schulträger and the participating
// municipalities; the cost-sharing sheet has a row per partner, matched by
// name. When a name in the session data is corrected ("Gemeinde Birkenfeld"
// → "Gemeinde Birkenfelde"), its cost row must follow in the same change,
// or the figures stay under a name that no longer exists and the next
// workshop participant of that name starts an empty row. A name that is
// removed keeps its row: the figures were typed by someone and are the
// Kämmerei's business; they are named to the user (CostRowsKept) and can be
// deleted on the Kostenverteilung page.

// Rename is one name of the session data that became another.
type Rename struct{ From, To string }

// SessionRenames pairs the old names of the session data with the new
// ones: a name that left the list and a name that came in are one renamed
// municipality when they are spelled alike (a corrected typo, "Kreis" →
// "Landkreis", "Markt Berg" → "Markt Bergen"); a name spelled quite
// differently is another municipality, and figures typed for one must not
// turn into figures of the other. The Schulträger is paired the same way.
func SessionRenames(s *Session, traeger string, munis []string) []Rename {
	var out []Rename
	if from, to := strings.TrimSpace(s.Traeger), strings.TrimSpace(traeger); from != "" && to != "" && !sameName(from, to) && alike(from, to) {
		out = append(out, Rename{From: from, To: to})
	}
	gone := missingNames(s.Municipalities, munis)
	came := missingNames(munis, s.Municipalities)
	type pair struct{ from, to, dist int }
	var pairs []pair
	for i, g := range gone {
		for j, c := range came {
			if alike(g, c) {
				pairs = append(pairs, pair{i, j, editDistance(g, c)})
			}
		}
	}
	// the closest pairs first; each name is paired once
	sort.SliceStable(pairs, func(a, b int) bool { return pairs[a].dist < pairs[b].dist })
	usedFrom, usedTo := map[int]bool{}, map[int]bool{}
	for _, p := range pairs {
		if !usedFrom[p.from] && !usedTo[p.to] {
			usedFrom[p.from], usedTo[p.to] = true, true
			out = append(out, Rename{From: gone[p.from], To: came[p.to]})
		}
	}
	return out
}

// alike: two names differ in at most a third of the longer one's letters.
func alike(a, b string) bool {
	n := max(len([]rune(a)), len([]rune(b)))
	return editDistance(a, b)*3 <= n
}

// editDistance is the Levenshtein distance of a and b, without regard to case.
func editDistance(a, b string) int {
	ra, rb := []rune(strings.ToLower(a)), []rune(strings.ToLower(b))
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// CostRowsKept names the municipalities that the new session data no
// longer list but that keep a row in the cost-sharing sheet: removed, or
// renamed onto a name that has a row already.
func CostRowsKept(s *Session, traeger string, munis []string) []string {
	if s.Costs == nil {
		return nil
	}
	carried := map[string]bool{}
	for _, r := range carriedRenames(s, traeger, munis) {
		carried[strings.ToLower(r.From)] = true
	}
	var out []string
	for _, name := range missingNames(append([]string{s.Traeger}, s.Municipalities...), append([]string{traeger}, munis...)) {
		if !carried[strings.ToLower(name)] && s.Costs.CostPartnerIndex(name) >= 0 {
			out = append(out, name)
		}
	}
	return out
}

// renameCostEdits carries the rows of renamed municipalities to their
// new names (none when no row is affected).
func renameCostEdits(s *Session, traeger string, munis []string) []Edit {
	var out []Edit
	for _, r := range carriedRenames(s, traeger, munis) {
		out = append(out, costRenameEdit(r.From, r.To))
	}
	return out
}

// carriedRenames are the renames whose cost row follows. A row is not
// renamed onto a name that has a row already: one partner would be
// counted twice.
func carriedRenames(s *Session, traeger string, munis []string) []Rename {
	if s.Costs == nil {
		return nil
	}
	var out []Rename
	taken := map[string]bool{}
	for _, r := range SessionRenames(s, traeger, munis) {
		if s.Costs.CostPartnerIndex(r.From) >= 0 && s.Costs.CostPartnerIndex(r.To) < 0 && !taken[strings.ToLower(r.To)] {
			taken[strings.ToLower(r.To)] = true
			out = append(out, r)
		}
	}
	return out
}

// CostRowRenameEdits carries the cost row of the municipality from to
// the name to – for a workshop municipality renamed in the room, whose
// own figures are its row (none when from has no row or to has one).
func CostRowRenameEdits(s *Session, from, to string) []Edit {
	if s.Costs == nil || sameName(from, to) || s.Costs.CostPartnerIndex(from) < 0 || s.Costs.CostPartnerIndex(to) >= 0 {
		return nil
	}
	return []Edit{costRenameEdit(strings.TrimSpace(from), strings.TrimSpace(to))}
}

// FieldCostRename renames one row of the cost-sharing sheet in place: its
// place and figures stay, and the other rows are not touched, so a
// municipality typing its own figures at the same time (ikz serve) loses
// nothing. Key is "from\x00to"; Value.Text is the name the row has, from
// or to, so the inverse edit is the same edit read backwards.
const FieldCostRename Field = "cost-rename"

func costRenameEdit(from, to string) Edit {
	return Edit{Field: FieldCostRename, Key: from + "\x00" + to,
		Before: Value{Set: true, Text: from}, After: Value{Set: true, Text: to}}
}

// costRenameSlot is the name (of the two in key) that the row has now.
func costRenameSlot(s *Session, key string) Value {
	from, to, _ := strings.Cut(key, "\x00")
	if s.Costs != nil {
		for _, n := range []string{to, from} {
			if s.Costs.CostPartnerIndex(n) >= 0 {
				return Value{Set: true, Text: n}
			}
		}
	}
	return Value{}
}

// setCostRenameSlot gives the row of the other name of key the name
// v.Text. A row that is gone meanwhile (deleted on the cost page) has
// nothing to carry; a name that has a row meanwhile is refused.
func setCostRenameSlot(s *Session, key string, v Value) error {
	from, to, _ := strings.Cut(key, "\x00")
	source := from
	if sameName(v.Text, from) {
		source = to
	}
	if !v.Set || s.Costs == nil || sameName(source, v.Text) {
		return nil
	}
	i := s.Costs.CostPartnerIndex(source)
	if i < 0 {
		return nil
	}
	if s.Costs.CostPartnerIndex(v.Text) >= 0 {
		return fmt.Errorf("Kostenzahlen für „%s“ gibt es schon – „%s“ wird nicht darauf umbenannt", SafeLine(v.Text), SafeLine(source))
	}
	c := s.Costs.Clone()
	c.Partners[i].Name = v.Text
	s.Costs = &c
	return nil
}

// missingNames are the names of a that b does not hold (compared as the
// cost sheet compares them: trimmed, without regard to case), in a's order.
func missingNames(a, b []string) []string {
	var out []string
	for _, n := range a {
		n = strings.TrimSpace(n)
		if n == "" {
			continue
		}
		found := false
		for _, m := range b {
			if sameName(n, m) {
				found = true
				break
			}
		}
		if !found {
			out = append(out, n)
		}
	}
	return out
}

func sameName(a, b string) bool { return strings.EqualFold(strings.TrimSpace(a), strings.TrimSpace(b)) }
