package store

import (
	"slices"
	"testing"
)

func TestDraftKeys(t *testing.T) {
	s, _ := openTemp(t, newClock())
	if keys, err := s.DraftKeys("s1/"); err != nil || len(keys) != 0 {
		t.Fatalf("no drafts yet: %q %v", keys, err)
	}
	for _, k := range []string{"s1/review", "s1/rows/phase1/q2", "s1/rows/phase1/q1", "s1/rows/phase10/q1", "s2/rows/phase1/q1", "s1/rows/phase0"} {
		if err := s.PutDraft(k, []byte(`"x"`)); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		prefix string
		want   []string
	}{
		{"s1/rows/phase1/", []string{"s1/rows/phase1/q1", "s1/rows/phase1/q2"}},
		{"s2/", []string{"s2/rows/phase1/q1"}},
		{"s3/", nil},
	}
	for _, tc := range tests {
		got, err := s.DraftKeys(tc.prefix)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("DraftKeys(%q) = %q, want %q", tc.prefix, got, tc.want)
		}
	}
	if err := s.DeleteDraft("s1/rows/phase1/q1"); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.DraftKeys("s1/rows/phase1/"); !slices.Equal(got, []string{"s1/rows/phase1/q2"}) {
		t.Errorf("after delete: %q", got)
	}
}
