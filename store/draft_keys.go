package store

import (
	"bytes"

	bolt "go.etcd.io/bbolt"
)

// DraftKeys lists the keys of the drafts that start with prefix, in key
// order: a list screen marks the rows whose editor left a draft behind.
func (s *Store) DraftKeys(prefix string) ([]string, error) {
	var out []string
	err := s.view(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketDrafts)
		if b == nil {
			return nil
		}
		p := []byte(prefix)
		c := b.Cursor()
		for k, _ := c.Seek(p); k != nil && bytes.HasPrefix(k, p); k, _ = c.Next() {
			out = append(out, string(k))
		}
		return nil
	})
	return out, err
}
