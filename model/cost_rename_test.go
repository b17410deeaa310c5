package model

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
)

func renameBase() *Session {
	return &Session{Title: "T", Traeger: "Kreis Auental",
		Municipalities: []string{"Stadt Lindenhagen", "Gemeinde Birkenfeld", "Markt Au"},
		Costs: &CostSharing{Years: 5, Partners: []CostPartner{
			{Name: "Kreis Auental", Schools: 4}, {Name: "Stadt Lindenhagen", Schools: 3},
			{Name: "Gemeinde Birkenfeld", Schools: 2}, {Name: "Markt Au", Schools: 1}}}}
}

func partnerNames(s *Session) string {
	var names []string
	for _, p := range s.Costs.Partners {
		names = append(names, p.Name+":"+string(rune('0'+p.Schools)))
	}
	return strings.Join(names, ", ")
}

// Renaming a municipality in the session data carries its cost row to the
// new name in the same change – place and figures unchanged – and undo
// and redo take both back and forth. A removed municipality keeps its row
// and is named.
func TestSessionDataRenameCarriesCostRow(t *testing.T) {
	tests := []struct {
		name    string
		traeger string
		munis   []string
		rows    string // the cost rows after the change
		kept    []string
	}{
		{"one municipality corrected", "Kreis Auental", []string{"Stadt Lindenhagen", "Gemeinde Birkenfelde", "Markt Au"},
			"Kreis Auental:4, Stadt Lindenhagen:3, Gemeinde Birkenfelde:2, Markt Au:1", nil},
		{"Schulträger renamed", "Landkreis Auental", []string{"Stadt Lindenhagen", "Gemeinde Birkenfeld", "Markt Au"},
			"Landkreis Auental:4, Stadt Lindenhagen:3, Gemeinde Birkenfeld:2, Markt Au:1", nil},
		{"renamed and reordered", "Kreis Auental", []string{"Markt Au", "Gemeinde Birkenfelde", "Stadt Lindenhagen"},
			"Kreis Auental:4, Stadt Lindenhagen:3, Gemeinde Birkenfelde:2, Markt Au:1", nil},
		{"two renamed", "Kreis Auental", []string{"Stadt Lindenhagen", "Gemeinde Birkenfelde", "Markt Aue"},
			"Kreis Auental:4, Stadt Lindenhagen:3, Gemeinde Birkenfelde:2, Markt Aue:1", nil},
		{"removed: the row stays and is named", "Kreis Auental", []string{"Stadt Lindenhagen", "Markt Au"},
			"Kreis Auental:4, Stadt Lindenhagen:3, Gemeinde Birkenfeld:2, Markt Au:1", []string{"Gemeinde Birkenfeld"}},
		{"one renamed, one removed", "Kreis Auental", []string{"Stadt Lindenhagen", "Gemeinde Birkenfelde"},
			"Kreis Auental:4, Stadt Lindenhagen:3, Gemeinde Birkenfelde:2, Markt Au:1", []string{"Markt Au"}},
		{"replaced by another municipality: not carried", "Kreis Auental", []string{"Stadt Lindenhagen", "Stadt Neudorf", "Markt Au"},
			"Kreis Auental:4, Stadt Lindenhagen:3, Gemeinde Birkenfeld:2, Markt Au:1", []string{"Gemeinde Birkenfeld"}},
		{"renamed in another place, another one replaced", "Kreis Auental", []string{"Markt Aue", "Stadt Lindenhagen", "Stadt Neudorf"},
			"Kreis Auental:4, Stadt Lindenhagen:3, Gemeinde Birkenfeld:2, Markt Aue:1", []string{"Gemeinde Birkenfeld"}},
		{"Schulträger replaced: not carried", "Stadt Lindenhagen-Süd", []string{"Stadt Lindenhagen", "Gemeinde Birkenfeld", "Markt Au"},
			"Kreis Auental:4, Stadt Lindenhagen:3, Gemeinde Birkenfeld:2, Markt Au:1", []string{"Kreis Auental"}},
		{"renamed onto a name with a row: not merged", "Kreis Auental", []string{"Stadt Lindenhagen", "Kreis Auental", "Markt Au"},
			"Kreis Auental:4, Stadt Lindenhagen:3, Gemeinde Birkenfeld:2, Markt Au:1", []string{"Gemeinde Birkenfeld"}},
		{"spelling of case only: the row matches as it is", "Kreis Auental", []string{"stadt lindenhagen", "Gemeinde Birkenfeld", "Markt Au"},
			"Kreis Auental:4, Stadt Lindenhagen:3, Gemeinde Birkenfeld:2, Markt Au:1", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := renameBase()
			before := dumpJSON(t, s)
			kept := CostRowsKept(s, tt.traeger, tt.munis)
			c := SessionDataChange(s, s.Title, tt.traeger, tt.munis)
			if err := c.Apply(s); err != nil {
				t.Fatal(err)
			}
			if got := partnerNames(s); got != tt.rows {
				t.Errorf("cost rows\n got %s\nwant %s", got, tt.rows)
			}
			if !reflect.DeepEqual(kept, tt.kept) {
				t.Errorf("kept %q, want %q", kept, tt.kept)
			}
			after := dumpJSON(t, s)
			if err := c.Inverse().Apply(s); err != nil {
				t.Fatalf("undo: %v", err)
			}
			if got := dumpJSON(t, s); got != before {
				t.Errorf("undo left\n%s\nwant\n%s", got, before)
			}
			if err := c.Redo().Apply(s); err != nil {
				t.Fatalf("redo: %v", err)
			}
			if got := dumpJSON(t, s); got != after {
				t.Errorf("redo left\n%s\nwant\n%s", got, after)
			}
		})
	}
}

// Without a cost sheet a rename touches nothing but the session data.
func TestSessionDataRenameWithoutCosts(t *testing.T) {
	s := renameBase()
	s.Costs = nil
	c := SessionDataChange(s, s.Title, s.Traeger, []string{"Stadt Lindenhagen", "Gemeinde Birkenfelde", "Markt Au"})
	for _, e := range c.Edits {
		if e.Field == FieldCosts || e.Field == FieldCostRename {
			t.Fatalf("a cost edit without a sheet: %+v", e)
		}
	}
	if kept := CostRowsKept(s, s.Traeger, nil); kept != nil {
		t.Errorf("kept %q without a sheet", kept)
	}
}

func dumpJSON(t *testing.T, s *Session) string {
	t.Helper()
	b, err := json.Marshal(s)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// A workshop municipality renamed in the room takes its own cost row
// along; undo puts both back.
func TestRenameParticipantCarriesCostRow(t *testing.T) {
	s := &Session{Title: "W", Participants: []Participant{{ID: "p1", Name: "Gemeinde Birkenfeld"}, {ID: "p2", Name: "Markt Au"}},
		Costs: &CostSharing{Years: 5, Partners: []CostPartner{{Name: "Markt Au", Schools: 1}, {Name: "Gemeinde Birkenfeld", Schools: 2}}}}
	before := dumpJSON(t, s)
	c, err := RenameParticipantChange(s, "p1", "Gemeinde Birkenfelde")
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Apply(s); err != nil {
		t.Fatal(err)
	}
	if got := partnerNames(s); got != "Markt Au:1, Gemeinde Birkenfelde:2" {
		t.Errorf("cost rows after the rename: %s", got)
	}
	if err := c.Inverse().Apply(s); err != nil {
		t.Fatal(err)
	}
	if got := dumpJSON(t, s); got != before {
		t.Errorf("undo left\n%s\nwant\n%s", got, before)
	}
}

// The rename touches its own row only: figures another municipality
// stored between building the change and applying it (ikz serve) stay,
// and a row deleted meanwhile leaves nothing to carry.
func TestCostRenameLeavesOtherRows(t *testing.T) {
	s := renameBase()
	c := SessionDataChange(s, s.Title, s.Traeger, []string{"Stadt Lindenhagen", "Gemeinde Birkenfelde", "Markt Au"})
	s.Costs.Partners[3].Schools = 9 // Markt Au types meanwhile
	if err := c.Apply(s); err != nil {
		t.Fatal(err)
	}
	if got := partnerNames(s); got != "Kreis Auental:4, Stadt Lindenhagen:3, Gemeinde Birkenfelde:2, Markt Au:9" {
		t.Errorf("cost rows: %s", got)
	}

	s = renameBase()
	c = SessionDataChange(s, s.Title, s.Traeger, []string{"Stadt Lindenhagen", "Gemeinde Birkenfelde", "Markt Au"})
	s.Costs.Partners = append(s.Costs.Partners[:2], s.Costs.Partners[3:]...) // Birkenfeld's row deleted meanwhile
	if err := c.Apply(s); err != nil {
		t.Fatalf("a row deleted meanwhile refuses the rename: %v", err)
	}
	if got := partnerNames(s); got != "Kreis Auental:4, Stadt Lindenhagen:3, Markt Au:1" || s.Municipalities[1] != "Gemeinde Birkenfelde" {
		t.Errorf("cost rows %s, municipalities %q", got, s.Municipalities)
	}
}
