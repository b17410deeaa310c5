package report

import (
	"time"

	"ikz/model"
	"ikz/store"
)

// Load gathers what the report of session id shows: the session, its score,
// its snapshots (each decoded) and the comparison with the last different
// snapshot. Errors come from the store and are ready to show.
func Load(st *store.Store, id string, now time.Time) (Data, error) {
	sess, err := st.Get(id)
	if err != nil {
		return Data{}, err
	}
	infos, err := st.Snapshots(id)
	if err != nil {
		return Data{}, err
	}
	d := Data{Session: sess, Result: model.Score(sess.Profile), Generated: now}
	for _, in := range infos {
		snap, err := st.GetSnapshot(id, in.ID)
		if err != nil {
			return Data{}, err
		}
		d.Snapshots = append(d.Snapshots, Snapshot{ID: in.ID, Label: in.Label, At: in.At, Session: snap})
	}
	d.ComparedWith, d.LastComparison = LastComparison(sess, d.Snapshots, now)
	return d, nil
}

// LastComparison picks the snapshot a report compares with: the newest one
// that differs from the current state. A review usually ends with a
// snapshot of exactly the current state; comparing with it would show
// nothing, so the one before is taken. With no differing snapshot the
// newest is used ("nothing changed"); with none at all, nil.
func LastComparison(current *model.Session, snaps []Snapshot, now time.Time) (*Snapshot, *model.Comparison) {
	for i := len(snaps) - 1; i >= 0; i-- {
		if snaps[i].Session == nil {
			continue
		}
		c := model.Compare(snaps[i].Session, current, now)
		if c.Changed() {
			return &snaps[i], &c
		}
	}
	for i := len(snaps) - 1; i >= 0; i-- {
		if snaps[i].Session != nil {
			c := model.Compare(snaps[i].Session, current, now)
			return &snaps[i], &c
		}
	}
	return nil, nil
}
