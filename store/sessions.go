package store

import (
	"bytes"
	"fmt"
	"strings"

	"ikz/model"

	bolt "go.etcd.io/bbolt"
)

// Create stores a new session. It assigns sess.ID, Created, Updated and
// CatalogueVersion.
func (s *Store) Create(sess *model.Session) error { return s.create(sess, nil) }

// create stores sess under a fresh ID and runs also (if not nil) in the
// same transaction.
func (s *Store) create(sess *model.Session, also func(tx *bolt.Tx) error) error {
	if err := validate(sess); err != nil {
		return err
	}
	return s.update(func(tx *bolt.Tx) error {
		id, err := s.freshID(tx.Bucket(bucketSessions), tx.Bucket(bucketTrash))
		if err != nil {
			return err
		}
		now := s.stamp()
		c := *sess
		c.ID, c.Created, c.Updated, c.CatalogueVersion = id, now, now, model.CatalogueVersion
		if err := s.put(tx, &c); err != nil {
			return err
		}
		if also != nil {
			if err := also(tx); err != nil {
				return err
			}
		}
		tx.OnCommit(func() { *sess = c })
		return nil
	})
}

// Get returns a session, upgraded to the current catalogue.
func (s *Store) Get(id string) (*model.Session, error) {
	var sess *model.Session
	err := s.view(func(tx *bolt.Tx) error {
		b, err := s.sessionBucket(tx, id)
		if err != nil {
			return err
		}
		sess, err = s.decode(id, b.Get(keySession))
		if sess != nil {
			sess.ID = id
		}
		return err
	})
	return sess, err
}

// sessionBucket finds the bucket of a live session, or explains why not.
func (s *Store) sessionBucket(tx *bolt.Tx, id string) (*bolt.Bucket, error) {
	if id != "" {
		if b := tx.Bucket(bucketSessions).Bucket([]byte(id)); b != nil {
			return b, nil
		}
		if tx.Bucket(bucketTrash).Bucket([]byte(id)) != nil {
			return nil, &NotFoundError{Path: s.path, ID: id, InTrash: true}
		}
	}
	return nil, &NotFoundError{Path: s.path, ID: id}
}

// Update changes a session in one transaction: fn edits it, then Updated is
// set and the summary refreshed. If fn returns an error, nothing is written.
// fn cannot change the ID or Created.
func (s *Store) Update(id string, fn func(*model.Session) error) (*model.Session, error) {
	var out *model.Session
	err := s.update(func(tx *bolt.Tx) error {
		var err error
		out, err = s.updateIn(tx, id, fn)
		return err
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// updateIn is Update inside the transaction tx (store.Apply adds a
// snapshot in the same transaction).
func (s *Store) updateIn(tx *bolt.Tx, id string, fn func(*model.Session) error) (*model.Session, error) {
	b, err := s.sessionBucket(tx, id)
	if err != nil {
		return nil, err
	}
	sess, err := s.decode(id, b.Get(keySession))
	if err != nil {
		return nil, err
	}
	sess.ID = id
	created := sess.Created
	if err := callFn(fn, sess); err != nil {
		return nil, err
	}
	sess.ID, sess.Created = id, created
	sess.Updated = s.stamp()
	sess.CatalogueVersion = model.CatalogueVersion
	if err := validate(sess); err != nil {
		return nil, err
	}
	return sess, s.put(tx, sess)
}

// callFn runs a caller's callback and marks its panics as the caller's.
func callFn(fn func(*model.Session) error, sess *model.Session) error {
	defer func() {
		if r := recover(); r != nil {
			panic(callerPanic{r})
		}
	}()
	return fn(sess)
}

// SetAnswer saves one profile answer (the TUI's autosave). A nil answer
// means unanswered. The answer is validated and stored in canonical form.
func (s *Store) SetAnswer(id, key string, a model.Answer) error {
	var norm model.Answer
	if a != nil {
		var err error
		if norm, err = model.Normalize(key, a); err != nil {
			return err
		}
	} else if _, ok := model.ProfileQuestionByKey(key); !ok {
		return &model.ProfileError{Key: key, Unknown: true}
	}
	_, err := s.Update(id, func(sess *model.Session) error {
		if sess.Profile == nil {
			sess.Profile = model.Profile{}
		}
		if norm == nil {
			delete(sess.Profile, key)
		} else {
			sess.Profile[key] = norm
		}
		return nil
	})
	return err
}

// SetNote saves the note to one guiding question; an empty note removes it.
func (s *Store) SetNote(id, questionID, note string) error {
	if _, _, ok := model.GuidingQuestionByID(questionID); !ok {
		return &model.FieldError{Field: "Notizen", Msg: fmt.Sprintf("unbekannte Leitfrage %q", questionID)}
	}
	_, err := s.Update(id, func(sess *model.Session) error {
		if note == "" {
			delete(sess.Notes, questionID)
			return nil
		}
		if sess.Notes == nil {
			sess.Notes = map[string]string{}
		}
		sess.Notes[questionID] = note
		return nil
	})
	return err
}

// SetQuick saves the status and note of one quick-check item. A zero entry
// removes it; a note without status counts as "offen".
func (s *Store) SetQuick(id, itemID string, e model.QuickEntry) error {
	if e.Status == "" && e.Note != "" {
		e.Status = model.StatusOffen
	}
	if e != (model.QuickEntry{}) {
		if err := checkQuick(itemID, e.Status); err != nil {
			return err
		}
	} else if _, _, ok := model.QuickItemByID(itemID); !ok {
		return checkQuick(itemID, e.Status)
	}
	_, err := s.Update(id, func(sess *model.Session) error {
		if e == (model.QuickEntry{}) {
			delete(sess.QuickCheck, itemID)
			return nil
		}
		if sess.QuickCheck == nil {
			sess.QuickCheck = map[string]model.QuickEntry{}
		}
		sess.QuickCheck[itemID] = e
		return nil
	})
	return err
}

// Rename sets a new title.
func (s *Store) Rename(id, title string) error {
	title = strings.TrimSpace(title)
	_, err := s.Update(id, func(sess *model.Session) error {
		sess.Title = title
		return nil
	})
	return err
}

// Duplicate copies a session with its snapshots under a new ID; the copy is
// titled "… (Kopie)" and starts with fresh Created and Updated times.
func (s *Store) Duplicate(id string) (*model.Session, error) {
	var out *model.Session
	err := s.update(func(tx *bolt.Tx) error {
		src, err := s.sessionBucket(tx, id)
		if err != nil {
			return err
		}
		sess, err := s.decode(id, src.Get(keySession))
		if err != nil {
			return err
		}
		if sess.ID, err = s.freshID(tx.Bucket(bucketSessions), tx.Bucket(bucketTrash)); err != nil {
			return err
		}
		now := s.stamp()
		sess.Title += " (Kopie)"
		sess.Created, sess.Updated = now, now
		if err := s.put(tx, sess); err != nil {
			return err
		}
		if snaps := src.Bucket(bucketSnapshots); snaps != nil {
			dst, err := tx.Bucket(bucketSessions).Bucket([]byte(sess.ID)).CreateBucket(bucketSnapshots)
			if err != nil {
				return err
			}
			err = snaps.ForEach(func(k, v []byte) error { // sealed for the new place
				data, err := unseal(snapshotPlace(id, string(k)), v)
				if err != nil {
					return s.corrupt("Stand "+string(k), err)
				}
				return dst.Put(bytes.Clone(k), seal(snapshotPlace(sess.ID, string(k)), data))
			})
			if err != nil {
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
