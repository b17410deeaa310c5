package store

import (
	"fmt"

	"ikz/model"

	bolt "go.etcd.io/bbolt"
)

// Apply makes one change of a session in one transaction; it returns the
// session as stored. A change that records a review also freezes the
// session with the review in the same transaction and links the snapshot
// (one transaction, so a crash leaves either all three or none).
func (s *Store) Apply(id string, c model.Change) (*model.Session, error) {
	return s.ApplyChecked(id, c, nil)
}

// ApplyChecked is Apply with a precondition: check (may be nil) sees the
// stored session inside the same transaction, before the change, and a
// non-nil error refuses the change. The workshop server checks there that
// the connection still answers for the municipality a change (or its
// undo) is made for, so a takeover in between cannot let it through.
func (s *Store) ApplyChecked(id string, c model.Change, check func(*model.Session) error) (*model.Session, error) {
	apply := c.Apply
	if check != nil {
		apply = func(x *model.Session) error {
			if err := check(x); err != nil {
				return err
			}
			return c.Apply(x)
		}
	}
	var out *model.Session
	err := s.update(func(tx *bolt.Tx) error {
		sess, err := s.updateIn(tx, id, apply)
		if err != nil {
			return err
		}
		for _, e := range c.Edits {
			if e.Field != model.FieldReview || !e.After.Set || e.Before.Set || e.After.Review.SnapshotID != "" {
				continue
			}
			info, err := s.snapshotIn(tx, id, snapshotLabel(c))
			if err != nil {
				return err
			}
			link := func(x *model.Session) error {
				for i := range x.Reviews {
					if x.Reviews[i].ID == e.Key {
						x.Reviews[i].SnapshotID = info.ID
					}
				}
				return nil
			}
			if sess, err = s.updateIn(tx, id, link); err != nil {
				return err
			}
		}
		out = sess
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// ApplyAll makes several changes of a session in one transaction, in
// order (a burst of key presses: one write instead of one per key). check
// (may be nil) sees each change and the session before it. If one change
// fails, none is stored. Changes that record a review are not taken here
// (they need their snapshot, see Apply).
func (s *Store) ApplyAll(id string, cs []model.Change, check func(model.Change, *model.Session) error) (*model.Session, error) {
	for _, c := range cs {
		for _, e := range c.Edits {
			if e.Field == model.FieldReview {
				return nil, fmt.Errorf("ApplyAll: %q records a review – use Apply", c.Name)
			}
		}
	}
	return s.Update(id, func(x *model.Session) error {
		for _, c := range cs {
			if check != nil {
				if err := check(c, x); err != nil {
					return err
				}
			}
			if err := c.Apply(x); err != nil {
				return err
			}
		}
		return nil
	})
}

// snapshotLabel names the snapshot of a review after the change.
func snapshotLabel(c model.Change) string { return c.Name }
