package store

import (
	"crypto/rand"
	"encoding/base32"
	"errors"
	"strings"

	bolt "go.etcd.io/bbolt"
)

var idEncoding = base32.StdEncoding.WithPadding(base32.NoPadding)

// randomID returns 8 lower-case base32 characters (40 random bits): short
// enough to type, URL-safe, and a collision is checked anyway.
func randomID() string {
	var b [5]byte
	_, _ = rand.Read(b[:]) // never fails on supported platforms
	return strings.ToLower(idEncoding.EncodeToString(b[:]))
}

// freshID returns an ID that is not used in any of the buckets.
func (s *Store) freshID(buckets ...*bolt.Bucket) (string, error) {
	for range 100 {
		id := s.newID()
		free := id != ""
		for _, b := range buckets {
			if b.Get([]byte(id)) != nil || b.Bucket([]byte(id)) != nil {
				free = false
			}
		}
		if free {
			return id, nil
		}
	}
	return "", errors.New("keine freie Kennung gefunden (Options.NewID liefert immer dieselbe)")
}
