package store

import (
	"encoding/json"

	"ikz/model"

	bolt "go.etcd.io/bbolt"
)

// decode reads a stored session leniently and upgrades it to the current
// catalogue in memory; the upgrade is written with the next change. Bytes
// from bbolt are only valid inside the transaction; decoding copies them.
// id is the session's place (checksum.go): "" for the copy inside a
// snapshot record, which its record's checksum covers.
func (s *Store) decode(id string, data []byte) (*model.Session, error) {
	if data == nil {
		return nil, s.corrupt("Sitzung", errMissing)
	}
	var err error
	if id != "" {
		if data, err = unseal(id, data); err != nil {
			return nil, s.corrupt("Sitzung "+id, err)
		}
	}
	sess, err := model.DecodeSession(data)
	if err != nil {
		return nil, s.corrupt("Sitzung", err)
	}
	model.Upgrade(sess)
	// Stored text may predate the rule or come from an older import: it
	// is cleaned where it enters the program (model.CleanSession).
	model.CleanSession(sess)
	return sess, nil
}

type missingError struct{}

func (missingError) Error() string { return "Eintrag fehlt" }

var errMissing = missingError{}

// put writes a live session and its summary.
func (s *Store) put(tx *bolt.Tx, sess *model.Session) error {
	b, err := tx.Bucket(bucketSessions).CreateBucketIfNotExists([]byte(sess.ID))
	if err != nil {
		return err
	}
	data, err := s.encode(b, sess)
	if err != nil {
		return err
	}
	if err := b.Put(keySession, data); err != nil {
		return err
	}
	s.changed(tx, sess.ID)
	return putSummary(tx, sess)
}

// encode is the sealed JSON of sess, keeping the fields of a newer ikz
// that the record it replaces in b carries (newer_fields.go).
func (s *Store) encode(b *bolt.Bucket, sess *model.Session) ([]byte, error) {
	model.CleanSession(sess) // typed and imported text: the one rule, before it is kept
	var extra []byte
	if old := b.Get(keySession); old != nil {
		payload, err := unseal(sess.ID, old)
		if err != nil {
			return nil, s.corrupt("Sitzung "+sess.ID, err)
		}
		if extra, err = s.newerFields(sess.ID, payload); err != nil {
			return nil, err
		}
	}
	data, err := json.Marshal(sess)
	if err != nil {
		return nil, err
	}
	return seal(sess.ID, withExtra(data, extra)), nil
}

// putTrashed rewrites a session that lies in the trash bucket b.
func (s *Store) putTrashed(b *bolt.Bucket, sess *model.Session) error {
	data, err := s.encode(b, sess)
	if err != nil {
		return err
	}
	if err := b.Put(keySession, data); err != nil {
		return err
	}
	return b.Put(keySummary, encodeSummary(summarize(sess)))
}
