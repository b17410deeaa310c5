package store

import (
	"bytes"
	"encoding/binary"
	"time"

	"ikz/model"

	bolt "go.etcd.io/bbolt"
)

// Summary is what the session list shows; List reads only these.
type Summary struct {
	ID, Title, Traeger, Land string
	Progress                 [3]model.PhaseProgress
	// TopModel is the model that leads on points: "" when every model is
	// excluded or when several share the first place (TopTied).
	TopModel model.ModelID
	TopTied  bool // the leaders share the first place: "noch keine Empfehlung"
	TopCheck bool // the leader's legal basis in the Land is to be checked ("bitte prüfen")
	// Decided is the group's decision in force ("" when none): the start
	// screen and ikz list show it, marked as the group's, instead of the
	// computed model.
	Decided         model.ModelID
	Updated         time.Time
	OverdueMeasures int // open measures past their due date, counted at List time
	Participants    int
	Answered        int // profile keys answered (0: TopModel is only the tie-break order)
}

// summaryRecord is the stored form. Overdue depends on today's date, so it
// keeps the due dates of open measures and List counts them.
type summaryRecord struct {
	Summary
	OpenDue []string `json:"open_due,omitempty"`
}

func summarize(sess *model.Session) summaryRecord {
	r := summaryRecord{Summary: Summary{
		ID:           sess.ID,
		Title:        sess.Title,
		Traeger:      sess.Traeger,
		Land:         sess.Land(),
		Progress:     model.Progress(sess),
		Updated:      sess.Updated,
		Participants: len(sess.Participants),
		Answered:     len(sess.Profile),
	}}
	r.TopModel, r.TopTied, r.TopCheck = topModel(sess.Profile)
	if d, ok := sess.CurrentDecision(); ok {
		r.Decided = d.Model
	}
	for _, m := range sess.Measures {
		if _, err := time.Parse(model.DateLayout, m.Due); err == nil && m.Open() {
			r.OpenDue = append(r.OpenDue, m.Due)
		}
	}
	return r
}

// public returns the summary as of today (an ISO date). OpenDue holds valid
// ISO dates only, so comparing strings is comparing dates, as in
// model.Measure.Overdue.
func (r *summaryRecord) public(today string) Summary {
	out := r.Summary
	out.OverdueMeasures = 0
	for _, due := range r.OpenDue {
		if due < today {
			out.OverdueMeasures++
		}
	}
	return out
}

// List returns the summaries of all live sessions, most recently changed
// first. It decodes summaries only, never whole sessions, and needs no
// sorting: the summaries bucket is keyed by (newest first, ID).
func (s *Store) List() ([]Summary, error) {
	today := s.now().Format(model.DateLayout)
	var out []Summary
	err := s.view(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketSummaries)
		// Counting first is cheap (no decoding) and spares growing a slice
		// of 10,000 summaries step by step.
		n := 0
		c := b.Cursor()
		for k, _ := c.First(); k != nil; k, _ = c.Next() {
			n++
		}
		out = make([]Summary, 0, n)
		return b.ForEach(func(k, v []byte) error {
			r, err := decodeSummary(v)
			if err != nil {
				return s.corrupt("Übersicht einer Sitzung", err)
			}
			out = append(out, r.public(today))
			return nil
		})
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// ListFirst returns the n most recently changed summaries and the number of
// all sessions. It lets the start screen draw its first frame without
// decoding every summary; the full List follows in the background.
func (s *Store) ListFirst(n int) (page []Summary, total int, err error) {
	today := s.now().Format(model.DateLayout)
	err = s.view(func(tx *bolt.Tx) error {
		c := tx.Bucket(bucketSummaries).Cursor()
		page = make([]Summary, 0, n)
		for k, v := c.First(); k != nil; k, v = c.Next() {
			total++
			if len(page) < n {
				r, err := decodeSummary(v)
				if err != nil {
					return s.corrupt("Übersicht einer Sitzung", err)
				}
				page = append(page, r.public(today))
			}
		}
		return nil
	})
	if err != nil {
		return nil, 0, err
	}
	return page, total, nil
}

// summaryKey orders summaries newest first, then by ID.
func summaryKey(updated time.Time, id string) []byte {
	k := make([]byte, 8, 8+len(id))
	// Flip the sign bit to sort signed times as unsigned, then invert for
	// descending order.
	binary.BigEndian.PutUint64(k, ^(uint64(updated.UnixNano()) ^ 1<<63))
	return append(k, id...)
}

// putSummary writes the summary of a live session under its new order key.
func putSummary(tx *bolt.Tx, sess *model.Session) error {
	sums, keys := tx.Bucket(bucketSummaries), tx.Bucket(bucketSummaryKey)
	key := summaryKey(sess.Updated, sess.ID)
	if old := keys.Get([]byte(sess.ID)); old != nil && !bytes.Equal(old, key) {
		if err := sums.Delete(bytes.Clone(old)); err != nil {
			return err
		}
	}
	if err := sums.Put(key, encodeSummary(summarize(sess))); err != nil {
		return err
	}
	return keys.Put([]byte(sess.ID), key)
}

// deleteSummary removes the summary of a session and returns it.
func deleteSummary(tx *bolt.Tx, id string) ([]byte, error) {
	sums, keys := tx.Bucket(bucketSummaries), tx.Bucket(bucketSummaryKey)
	key := bytes.Clone(keys.Get([]byte(id)))
	if key == nil {
		return nil, nil
	}
	sum := bytes.Clone(sums.Get(key))
	if err := sums.Delete(key); err != nil {
		return nil, err
	}
	return sum, keys.Delete([]byte(id))
}

// getSummary reads a stored summary (nil if missing).
func getSummary(b *bolt.Bucket, key []byte) (*summaryRecord, error) {
	v := b.Get(key)
	if v == nil {
		return nil, nil
	}
	r, err := decodeSummary(v)
	if err != nil {
		return nil, err
	}
	return &r, nil
}

// topModel is the leading model for the summary: none when the leaders
// are tied, with a check marker when its legal basis is uncertain.
func topModel(p model.Profile) (top model.ModelID, tied, check bool) {
	r := model.Score(p)
	top, ok := r.Leader()
	if !ok {
		return "", len(r.Tied()) > 1, false
	}
	return top, false, r.Ranking[0].Marker() == model.MarkerCheck
}
