package model

import (
	"strings"
	"testing"
)

// The three contradictions the issue names, and that consistent answers
// raise none (issue 10, item 5).
func TestContradictions_issue10(t *testing.T) {
	tests := []struct {
		name string
		p    Profile
		want []string
	}{
		{"H3.1_H3.2_austausch_und_zustaendigkeit_geht", Profile{"umfang": {"austausch"}, "zustaendigkeit": {"abgeben"}}, []string{"widerspruch.austausch_zustaendigkeit"}},
		{"H3.1_H3.2_geringe_bindung_neue_rechtsperson", Profile{"verbindlichkeit": {"gering"}, "neue_rechtsperson": {"ja"}}, []string{"widerspruch.bindung_rechtsperson"}},
		{"S_befristet_unternehmerisch", Profile{"dauer": {"befristet"}, "steuerung": {"unternehmerisch"}, "neue_rechtsperson": {"offen"}},
			[]string{"widerspruch.befristet_unternehmerisch"}},
		{"H3.2_steuerung_ausgeblendet_zaehlt_nicht", Profile{"dauer": {"befristet"}, "steuerung": {"unternehmerisch"}, "neue_rechtsperson": {"nein"}}, nil},
		{"stimmig_zweckverband", scFullProfile(), nil},
		{"leer", Profile{}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Score(tt.p).Contradictions
			var ids []string
			for _, c := range got {
				ids = append(ids, c.ID)
				if c.Text == "" || !strings.HasPrefix(c.Check, "Klären") || c.Source == "" || c.Keys[0] == "" || c.Keys[1] == "" {
					t.Errorf("incomplete contradiction %+v", c)
				}
			}
			if strings.Join(ids, ",") != strings.Join(tt.want, ",") {
				t.Errorf("contradictions %v, want %v", ids, tt.want)
			}
		})
	}
}

// Every contradiction rule names valid answers of two different keys.
func TestContradictionRulesValid(t *testing.T) {
	for _, c := range contradictionRules {
		for _, cond := range []Condition{c.a, c.b} {
			if _, err := Normalize(cond.Key, Answer{cond.Value}); err != nil {
				t.Errorf("%s: %v", c.ID, err)
			}
		}
		if c.a.Key == c.b.Key {
			t.Errorf("%s: both answers on %s", c.ID, c.a.Key)
		}
	}
}
