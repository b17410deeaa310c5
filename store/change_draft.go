package store

import (
	"bytes"

	"ikz/model"

	bolt "go.etcd.io/bbolt"
)

// Drafts are the half-filled multi-field forms (a review, a measure, a
// decision, a new session), written as the user types so that esc, Ctrl+C
// or a killed process lose nothing. A draft is not part of the session:
// it lives in its own bucket under a key the form chooses
// ("<session>/review"; the new-session form, whose session does not exist
// yet, its own), and goes when the form is completed or the draft
// discarded.
var bucketDrafts = []byte("drafts")

// PutDraft stores data under key (committed and synced when it returns).
func (s *Store) PutDraft(key string, data []byte) error {
	return s.update(func(tx *bolt.Tx) error {
		b, err := tx.CreateBucketIfNotExists(bucketDrafts)
		if err != nil {
			return err
		}
		return b.Put([]byte(key), seal(draftPlace(key), data))
	})
}

// draftPlace is the place of a draft record in its checksum (checksum.go).
func draftPlace(key string) string { return "draft/" + key }

// Draft returns the draft under key, nil if there is none.
func (s *Store) Draft(key string) ([]byte, error) {
	var out []byte
	err := s.view(func(tx *bolt.Tx) error {
		if b := tx.Bucket(bucketDrafts); b != nil {
			if v := b.Get([]byte(key)); v != nil {
				data, err := unseal(draftPlace(key), v) // a draft from before checksums is plain
				if err != nil {
					return s.corrupt("Entwurf "+key, err)
				}
				out = bytes.Clone(data)
			}
		}
		return nil
	})
	return out, err
}

// DeleteDraft removes the draft under key (no error if there is none).
func (s *Store) DeleteDraft(key string) error {
	return s.update(func(tx *bolt.Tx) error { return deleteDraft(tx, key) })
}

// CreateFromDraft creates sess (as Create) and removes the draft under key
// in the same transaction: a crash leaves the draft or the session, never
// both – a draft left beside its session would offer to create it twice.
func (s *Store) CreateFromDraft(sess *model.Session, key string) error {
	return s.create(sess, func(tx *bolt.Tx) error { return deleteDraft(tx, key) })
}

func deleteDraft(tx *bolt.Tx, key string) error {
	b := tx.Bucket(bucketDrafts)
	if b == nil || b.Get([]byte(key)) == nil {
		return nil
	}
	return b.Delete([]byte(key))
}
