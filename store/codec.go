package store

import (
	"encoding/json"

	"ikz/model"

	bolt "go.etcd.io/bbolt"
)

// decode reads a stored session leniently and upgrades it to the current
// catalogue in memory; the upgrade is written with the next change. Bytes
// from bbolt are only valid inside the transaction; decoding copies them.
func (s *Store) decode(data []byte) (*model.Session, error) {
	if data == nil {
		return nil, s.corrupt("Sitzung", errMissing)
	}
	sess, err := model.DecodeSession(data)
	if err != nil {
		return nil, s.corrupt("Sitzung", err)
	}
	model.Upgrade(sess)
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
	data, err := json.Marshal(sess)
	if err != nil {
		return err
	}
	if err := b.Put(keySession, data); err != nil {
		return err
	}
	s.changed(tx, sess.ID)
	return putSummary(tx, sess)
}

// putTrashed rewrites a session that lies in the trash bucket b.
func (s *Store) putTrashed(b *bolt.Bucket, sess *model.Session) error {
	data, err := json.Marshal(sess)
	if err != nil {
		return err
	}
	if err := b.Put(keySession, data); err != nil {
		return err
	}
	return b.Put(keySummary, encodeSummary(summarize(sess)))
}
