package model

import (
	"strings"
	"testing"
	"time"
)

func TestAddDecisionSupersedes(t *testing.T) {
	s := &Session{}
	if _, ok := s.CurrentDecision(); ok {
		t.Fatal("empty session has a current decision")
	}
	t1 := time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC)
	t2 := time.Date(2027, 3, 1, 10, 0, 0, 0, time.UTC)
	first := Decision{Model: VereinbarungMandatierend, Reason: " erst einmal ohne Übertragung ", At: t1, Computed: VereinbarungMandatierend}
	second := Decision{Model: Zweckverband, Reason: "Beitritt zum IT-Zweckverband beschlossen", At: t2, Computed: VereinbarungDelegierend}
	for _, d := range []Decision{first, second} {
		if err := s.AddDecision(d); err != nil {
			t.Fatalf("AddDecision(%v): %v", d.Model, err)
		}
	}
	if len(s.Decisions) != 2 {
		t.Fatalf("history has %d entries, want 2 (never overwritten)", len(s.Decisions))
	}
	cur, ok := s.CurrentDecision()
	if !ok || cur.Model != Zweckverband {
		t.Fatalf("current = %v, %v; want zweckverband", cur.Model, ok)
	}
	if s.Decisions[0].Reason != "erst einmal ohne Übertragung" {
		t.Errorf("reason not trimmed or changed: %q", s.Decisions[0].Reason)
	}
	h := s.DecisionHistory()
	if len(h) != 2 || h[0].Model != Zweckverband || !h[0].Current || !h[0].SupersededAt.IsZero() {
		t.Fatalf("history[0] = %+v", h[0])
	}
	if h[1].Model != VereinbarungMandatierend || h[1].Current || !h[1].SupersededAt.Equal(t2) {
		t.Fatalf("history[1] = %+v, want superseded at %v", h[1], t2)
	}
}

func TestValidateDecision(t *testing.T) {
	at := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name   string
		d      Decision
		fields []string
	}{
		{"valid", Decision{Model: AoeR, Reason: "alles aus einer Hand", At: at}, nil},
		{"valid with computed", Decision{Model: Informell, Reason: "erst Austausch", At: at, Computed: Zweckverband}, nil},
		{"unknown model", Decision{Model: "gmbh", Reason: "x", At: at}, []string{"Gewähltes Modell"}},
		{"no model", Decision{Reason: "x", At: at}, []string{"Gewähltes Modell"}},
		{"blank reason", Decision{Model: AoeR, Reason: " \n", At: at}, []string{"Begründung"}},
		{"no time", Decision{Model: AoeR, Reason: "x"}, []string{"Datum"}},
		{"bad computed", Decision{Model: AoeR, Reason: "x", At: at, Computed: "gmbh"}, []string{"Berechnete Empfehlung"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := ValidateDecision(tt.d)
			if len(tt.fields) == 0 {
				if err != nil {
					t.Fatalf("ValidateDecision = %v", err)
				}
				return
			}
			if err == nil {
				t.Fatalf("ValidateDecision = nil, want %v", tt.fields)
			}
			for _, f := range tt.fields {
				if !strings.Contains(err.Error(), f+": ") {
					t.Errorf("error %q does not name %q", err, f)
				}
			}
			s := &Session{}
			if s.AddDecision(tt.d) == nil || len(s.Decisions) != 0 {
				t.Errorf("AddDecision recorded an invalid decision")
			}
		})
	}
}
