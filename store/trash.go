package store

import (
	"bytes"
	"encoding/binary"
	"sort"
	"time"

	bolt "go.etcd.io/bbolt"
)

// TrashRetention is how long deleted sessions stay restorable.
const TrashRetention = 30 * 24 * time.Hour

// TrashEntry is a deleted session as the trash lists it.
type TrashEntry struct {
	ID, Title, Traeger, Land string
	Deleted                  time.Time
	PurgeAt                  time.Time // when it is removed for good
}

// Delete moves a session, with its snapshots, into the trash.
func (s *Store) Delete(id string) error {
	return s.update(func(tx *bolt.Tx) error {
		if _, err := s.sessionBucket(tx, id); err != nil {
			return err
		}
		sessions, trash := tx.Bucket(bucketSessions), tx.Bucket(bucketTrash)
		if err := sessions.MoveBucket([]byte(id), trash); err != nil {
			return err
		}
		sum, err := deleteSummary(tx, id)
		if err != nil {
			return err
		}
		now := s.stamp()
		s.changed(tx, id)
		b := trash.Bucket([]byte(id))
		if err := b.Put(keySummary, sum); err != nil {
			return err
		}
		if err := b.Put(keyDeleted, []byte(now.Format(time.RFC3339Nano))); err != nil {
			return err
		}
		return tx.Bucket(bucketTrashIndex).Put(trashKey(now, id), nil)
	})
}

// Restore brings a session back from the trash.
func (s *Store) Restore(id string) error {
	return s.update(func(tx *bolt.Tx) error {
		trash := tx.Bucket(bucketTrash)
		b := trash.Bucket([]byte(id))
		if b == nil {
			live := tx.Bucket(bucketSessions).Bucket([]byte(id)) != nil
			return &NotFoundError{Path: s.path, ID: id, NotTrash: true, Live: live}
		}
		deleted, err := time.Parse(time.RFC3339Nano, string(b.Get(keyDeleted)))
		if err != nil {
			return s.corrupt("Löschzeitpunkt", err)
		}
		if err := tx.Bucket(bucketTrashIndex).Delete(trashKey(deleted, id)); err != nil {
			return err
		}
		for _, k := range [][]byte{keySummary, keyDeleted} {
			if err := b.Delete(k); err != nil {
				return err
			}
		}
		if err := trash.MoveBucket([]byte(id), tx.Bucket(bucketSessions)); err != nil {
			return err
		}
		// Rebuild the summary: the catalogue may have changed meanwhile.
		sess, err := s.decode(id, tx.Bucket(bucketSessions).Bucket([]byte(id)).Get(keySession))
		if err != nil {
			return err
		}
		sess.ID = id
		return s.put(tx, sess)
	})
}

// Trash lists the deleted sessions, most recently deleted first, after
// removing those older than TrashRetention.
func (s *Store) Trash() ([]TrashEntry, error) {
	if !s.readOnly {
		due := false
		if err := s.view(func(tx *bolt.Tx) error { due = s.purgeDue(tx); return nil }); err != nil {
			return nil, err
		}
		if due {
			if err := s.update(s.purge); err != nil {
				return nil, err
			}
		}
	}
	var out []TrashEntry
	cutoff := s.now().Add(-TrashRetention)
	err := s.view(func(tx *bolt.Tx) error {
		trash := tx.Bucket(bucketTrash)
		return trash.ForEachBucket(func(k []byte) error {
			b := trash.Bucket(k)
			r, err := getSummary(b, keySummary)
			if err != nil || r == nil {
				return s.corrupt("Papierkorb-Eintrag "+string(k), err)
			}
			deleted, err := time.Parse(time.RFC3339Nano, string(b.Get(keyDeleted)))
			if err != nil {
				return s.corrupt("Löschzeitpunkt", err)
			}
			if deleted.Before(cutoff) {
				return nil // expired; purged by the next writer
			}
			out = append(out, TrashEntry{ID: string(k), Title: r.Title, Traeger: r.Traeger, Land: r.Land,
				Deleted: deleted, PurgeAt: deleted.Add(TrashRetention)})
			return nil
		})
	})
	if err != nil {
		return nil, err
	}
	sort.Slice(out, func(i, j int) bool {
		if !out[i].Deleted.Equal(out[j].Deleted) {
			return out[i].Deleted.After(out[j].Deleted)
		}
		return out[i].ID < out[j].ID
	})
	return out, nil
}

// trashKey orders the trash index by deletion time.
func trashKey(t time.Time, id string) []byte {
	k := make([]byte, 8, 8+len(id))
	binary.BigEndian.PutUint64(k, uint64(t.UnixNano()))
	return append(k, id...)
}

// purgeDue looks at the oldest index entry only, so opening stays cheap.
func (s *Store) purgeDue(tx *bolt.Tx) bool {
	idx := tx.Bucket(bucketTrashIndex)
	if idx == nil {
		return false
	}
	k, _ := idx.Cursor().First()
	return len(k) >= 8 && int64(binary.BigEndian.Uint64(k)) < s.now().Add(-TrashRetention).UnixNano()
}

// purge removes trash entries older than TrashRetention.
func (s *Store) purge(tx *bolt.Tx) error {
	idx, trash := tx.Bucket(bucketTrashIndex), tx.Bucket(bucketTrash)
	cutoff := s.now().Add(-TrashRetention).UnixNano()
	var expired [][]byte
	c := idx.Cursor()
	for k, _ := c.First(); len(k) >= 8 && int64(binary.BigEndian.Uint64(k)) < cutoff; k, _ = c.Next() {
		expired = append(expired, bytes.Clone(k))
	}
	for _, k := range expired {
		if id := k[8:]; trash.Bucket(id) != nil {
			if err := trash.DeleteBucket(id); err != nil {
				return err
			}
		}
		if err := idx.Delete(k); err != nil {
			return err
		}
	}
	return nil
}
