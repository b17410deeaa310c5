package store

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"time"

	"ikz/model"

	bolt "go.etcd.io/bbolt"
)

// SnapshotInfo describes a frozen copy of a session (for reviews).
type SnapshotInfo struct {
	ID    string    `json:"id"`
	Label string    `json:"label"`
	At    time.Time `json:"at"`
}

// snapshotRecord is the stored form: the info and the session's stored
// JSON exactly as it was.
type snapshotRecord struct {
	SnapshotInfo
	Session json.RawMessage `json:"session"`
}

// Snapshot freezes the current state of a session under a label. An empty
// label becomes "Stand 21.11.2026".
func (s *Store) Snapshot(id, label string) (SnapshotInfo, error) {
	var info SnapshotInfo
	err := s.update(func(tx *bolt.Tx) error {
		var err error
		info, err = s.snapshotIn(tx, id, label)
		return err
	})
	return info, err
}

// snapshotIn is Snapshot inside the transaction tx.
func (s *Store) snapshotIn(tx *bolt.Tx, id, label string) (SnapshotInfo, error) {
	b, err := s.sessionBucket(tx, id)
	if err != nil {
		return SnapshotInfo{}, err
	}
	snaps, err := b.CreateBucketIfNotExists(bucketSnapshots)
	if err != nil {
		return SnapshotInfo{}, err
	}
	snapID, err := s.freshID(snaps)
	if err != nil {
		return SnapshotInfo{}, err
	}
	now := s.stamp()
	if label = strings.TrimSpace(label); label == "" {
		label = "Stand " + now.Local().Format(model.GermanDateLayout)
	}
	info := SnapshotInfo{ID: snapID, Label: label, At: now}
	frozen, err := unseal(id, b.Get(keySession))
	if err != nil {
		return SnapshotInfo{}, s.corrupt("Sitzung "+id, err)
	}
	data, err := json.Marshal(snapshotRecord{SnapshotInfo: info, Session: bytes.Clone(frozen)})
	if err != nil {
		return SnapshotInfo{}, err
	}
	return info, snaps.Put([]byte(snapID), seal(snapshotPlace(id, snapID), data))
}

// readSnapshot decodes the snapshot record v stored under snapID.
func (s *Store) readSnapshot(id, snapID string, v []byte) (snapshotRecord, error) {
	var r snapshotRecord
	data, err := unseal(snapshotPlace(id, snapID), v)
	if err == nil {
		err = json.Unmarshal(data, &r)
	}
	if err != nil {
		return r, s.corrupt("Stand "+snapID, err)
	}
	return r, nil
}

// Snapshots lists the snapshots of a session, oldest first.
func (s *Store) Snapshots(id string) ([]SnapshotInfo, error) {
	var out []SnapshotInfo
	err := s.view(func(tx *bolt.Tx) error {
		b, err := s.sessionBucket(tx, id)
		if err != nil {
			return err
		}
		out, err = s.readSnapshots(id, b, nil)
		return err
	})
	return out, err
}

// readSnapshots decodes the snapshots in b, oldest first; with sessions
// non-nil it also decodes each frozen session into it.
func (s *Store) readSnapshots(id string, b *bolt.Bucket, sessions map[string]*model.Session) ([]SnapshotInfo, error) {
	snaps := b.Bucket(bucketSnapshots)
	if snaps == nil {
		// No snapshots, or a damaged bucket name that would hide them.
		return nil, b.ForEach(func(k, _ []byte) error {
			switch string(k) {
			case string(keySession), string(keySummary), string(keyDeleted):
				return nil
			}
			return s.corrupt("Sitzung "+id, fmt.Errorf("unbekannter Eintrag %q", k))
		})
	}
	var out []SnapshotInfo
	err := snaps.ForEach(func(k, v []byte) error {
		r, err := s.readSnapshot(id, string(k), v)
		if err != nil {
			return err
		}
		out = append(out, r.SnapshotInfo)
		if sessions != nil {
			sess, err := s.decode("", r.Session)
			if err != nil {
				return err
			}
			sessions[r.ID] = sess
		}
		return nil
	})
	sort.Slice(out, func(i, j int) bool {
		if !out[i].At.Equal(out[j].At) {
			return out[i].At.Before(out[j].At)
		}
		return out[i].ID < out[j].ID
	})
	return out, err
}

// GetSnapshot returns the frozen session of a snapshot, upgraded to the
// current catalogue in memory (the stored copy stays as it was).
func (s *Store) GetSnapshot(id, snapID string) (*model.Session, error) {
	var sess *model.Session
	err := s.view(func(tx *bolt.Tx) error {
		b, err := s.sessionBucket(tx, id)
		if err != nil {
			return err
		}
		var v []byte
		if snaps := b.Bucket(bucketSnapshots); snaps != nil {
			v = snaps.Get([]byte(snapID))
		}
		if v == nil {
			return &NotFoundError{Path: s.path, ID: id, Snapshot: snapID}
		}
		r, err := s.readSnapshot(id, snapID, v)
		if err != nil {
			return err
		}
		if sess, err = s.decode("", r.Session); err == nil {
			sess.ID = id
		}
		return err
	})
	return sess, err
}
