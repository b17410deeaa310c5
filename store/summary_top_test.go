package store

import (
	"testing"

	"ikz/model"

	bolt "go.etcd.io/bbolt"
)

// The start screen and "ikz list" name a model only when it leads; a tie
// says "noch keine Empfehlung", and an unverified legal basis is marked
// (issue 10, items 3 and 4).
func TestSummaryTopModel(t *testing.T) {
	tests := []struct {
		name         string
		p            model.Profile
		top          model.ModelID
		tied, marked bool
	}{
		{"nur_land_gleichauf", model.Profile{"bundesland": {"NW"}}, "", true, false},
		{"klarer_vorsprung", model.Profile{"bundesland": {"HE"}, "umfang": {"austausch"}}, model.Informell, false, false},
		{"berlin_mandat_bitte_pruefen", model.Profile{"bundesland": {"BE"}, "zustaendigkeit": {"behalten"}}, model.VereinbarungMandatierend, false, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := summarize(&model.Session{Profile: tt.p})
			if r.TopModel != tt.top || r.TopTied != tt.tied || r.TopCheck != tt.marked {
				t.Errorf("top %q tied %v check %v, want %q %v %v", r.TopModel, r.TopTied, r.TopCheck, tt.top, tt.tied, tt.marked)
			}
		})
	}
}

// A file written before catalogue 2 has version-1 summaries that named the
// catalogue's first model on a tie; opening it refreshes them, so the start
// screen says "noch keine Empfehlung" at once (issue 10, item 4).
func TestCatalogue2RefreshesTiedSummaries(t *testing.T) {
	c := newClock()
	s, path := openTemp(t, c)
	// Kreis, whole operation: delegation, Zweckverband and AöR tie.
	sess := &model.Session{Title: "Kreis", Profile: model.Profile{"bundesland": {"NW"}, "traeger": {"landkreis"}, "umfang": {"gesamtbetrieb"}}}
	if err := s.Create(sess); err != nil {
		t.Fatal(err)
	}
	s.Close()
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketSummaries)
		var keys, vals [][]byte
		_ = b.ForEach(func(k, v []byte) error {
			r, err := decodeSummary(v)
			if err != nil {
				return err
			}
			r.TopModel, r.TopTied = model.VereinbarungDelegierend, false // what catalogue 1 stored
			enc := encodeSummary(r)
			v1 := append([]byte{summaryCodecV1}, enc[1:len(enc)-1]...) // no flags byte
			keys, vals = append(keys, append([]byte(nil), k...)), append(vals, v1)
			return nil
		})
		for i := range keys {
			if err := b.Put(keys[i], vals[i]); err != nil {
				return err
			}
		}
		return tx.Bucket(bucketMeta).Put(keyCatalogue, []byte("1"))
	})
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	s = reopen(t, s, c)
	defer s.Close()
	list, err := s.List()
	if err != nil || len(list) != 1 {
		t.Fatalf("list %v, %v", list, err)
	}
	if list[0].TopModel != "" || !list[0].TopTied {
		t.Errorf("after the upgrade: top %q tied %v, want none and tied", list[0].TopModel, list[0].TopTied)
	}
}
