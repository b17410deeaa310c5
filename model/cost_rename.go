package model

import (
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
	_, carried := carryCostRows(s, traeger, munis)
	var out []string
	for _, name := range missingNames(append([]string{s.Traeger}, s.Municipalities...), append([]string{traeger}, munis...)) {
		if !carried[strings.ToLower(name)] && s.Costs.CostPartnerIndex(name) >= 0 {
			out = append(out, name)
		}
	}
	return out
}

// renameCostEdits is the edit of the cost-sharing sheet that carries the
// rows of renamed municipalities to their new names (none when no row is
// affected).
func renameCostEdits(s *Session, traeger string, munis []string) []Edit {
	next, carried := carryCostRows(s, traeger, munis)
	if len(carried) == 0 {
		return nil
	}
	return SetCostsChange(s, "", next).Edits
}

// carryCostRows is the sheet with the rows of renamed names under their
// new names, and the old names carried (lower case). A row is not renamed
// onto a name that has a row already: one partner would be counted twice.
func carryCostRows(s *Session, traeger string, munis []string) (*CostSharing, map[string]bool) {
	if s.Costs == nil {
		return nil, nil
	}
	next := s.Costs.Clone()
	carried := map[string]bool{}
	for _, r := range SessionRenames(s, traeger, munis) {
		i := next.CostPartnerIndex(r.From)
		if i < 0 || next.CostPartnerIndex(r.To) >= 0 {
			continue
		}
		next.Partners[i].Name = r.To
		carried[strings.ToLower(r.From)] = true
	}
	return &next, carried
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
