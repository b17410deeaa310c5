package store

import (
	"bytes"
	"fmt"
	"strconv"

	"ikz/model"

	bolt "go.etcd.io/bbolt"
)

// SchemaVersion is the bucket layout this version writes (see doc.go).
const SchemaVersion = 4

var (
	bucketMeta       = []byte("meta")
	bucketSessions   = []byte("sessions")
	bucketSummaries  = []byte("summaries")
	bucketSummaryKey = []byte("summary_keys")
	bucketTrash      = []byte("trash")
	bucketTrashIndex = []byte("trash_index")
	bucketSnapshots  = []byte("snapshots")

	keySchema    = []byte("schema_version")
	keyCatalogue = []byte("catalogue_version")
	keySession   = []byte("session")
	keySummary   = []byte("summary")
	keyDeleted   = []byte("deleted")
)

// migration upgrades the layout from version to-1 to version to. A new
// file starts at version 0 and runs the whole chain.
type migration struct {
	to  int
	run func(s *Store, tx *bolt.Tx) error
}

var migrations = []migration{
	{1, migrateV1},
	{2, migrateV2},
	{3, migrateV3},
	{4, migrateV4},
}

// dbState is what prepare learns from one read transaction.
type dbState struct {
	schema, catalogue int
	purgeDue          bool
}

// prepare checks versions in a read transaction and writes only when
// something is due: migrations, the catalogue upgrade or the trash purge.
// A newer or foreign database is refused before anything is written.
func (s *Store) prepare() error {
	var st dbState
	err := s.view(func(tx *bolt.Tx) error {
		var err error
		st, err = s.readState(tx)
		return err
	})
	if err != nil {
		return err
	}
	if st.schema > SchemaVersion {
		return &NewerSchemaError{Path: s.path, What: "Datenformat", Found: st.schema, Max: SchemaVersion}
	}
	if st.catalogue > model.CatalogueVersion {
		return &NewerSchemaError{Path: s.path, What: "Fragenkatalog", Found: st.catalogue, Max: model.CatalogueVersion}
	}
	outdated := st.schema < SchemaVersion || st.catalogue < model.CatalogueVersion
	if s.readOnly {
		if outdated {
			return &OutdatedError{Path: s.path}
		}
		return nil // expired trash entries are hidden by Trash instead
	}
	if !outdated && !st.purgeDue {
		return nil
	}
	return s.update(func(tx *bolt.Tx) error {
		for _, m := range migrations {
			if m.to <= st.schema {
				continue
			}
			if err := m.run(s, tx); err != nil {
				return err
			}
			if err := putInt(tx, keySchema, m.to); err != nil {
				return err
			}
		}
		// Re-read: the migrations may have upgraded the catalogue already.
		if cat, err := getInt(tx.Bucket(bucketMeta), keyCatalogue); err != nil || cat < model.CatalogueVersion {
			if err := s.upgradeCatalogue(tx); err != nil {
				return err
			}
		}
		return s.purge(tx)
	})
}

func (s *Store) readState(tx *bolt.Tx) (dbState, error) {
	var st dbState
	meta := tx.Bucket(bucketMeta)
	if meta == nil {
		// A new file has no buckets at all; anything else is some other
		// program's bbolt file, which we must not touch.
		if c := tx.Cursor(); c != nil {
			if k, _ := c.First(); k != nil {
				return st, &CorruptError{Path: s.path, Detail: "die Datei gehört zu einem anderen Programm"}
			}
		}
		return st, nil
	}
	var err error
	if st.schema, err = getInt(meta, keySchema); err != nil || st.schema < 1 {
		return st, &CorruptError{Path: s.path, Detail: "die Versionsangabe fehlt oder ist ungültig"}
	}
	if st.schema >= 2 {
		if err := s.checkBuckets(tx); err != nil {
			return st, err
		}
		if st.catalogue, err = getInt(meta, keyCatalogue); err != nil {
			return st, &CorruptError{Path: s.path, Detail: "die Katalogversion ist ungültig"}
		}
		st.purgeDue = s.purgeDue(tx)
	}
	return st, nil
}

// checkBuckets refuses a file that lacks one of the top-level buckets of
// the layout (a damaged name would make a whole part look empty). Other
// buckets (drafts, or those of a newer ikz) are left alone.
func (s *Store) checkBuckets(tx *bolt.Tx) error {
	for _, name := range [][]byte{bucketMeta, bucketSessions, bucketSummaries, bucketSummaryKey, bucketTrash, bucketTrashIndex} {
		if tx.Bucket(name) == nil {
			return &CorruptError{Path: s.path, Detail: fmt.Sprintf("Bereich %q fehlt", name)}
		}
	}
	return nil
}

func getInt(b *bolt.Bucket, key []byte) (int, error) {
	return strconv.Atoi(string(b.Get(key)))
}

func putInt(tx *bolt.Tx, key []byte, v int) error {
	return tx.Bucket(bucketMeta).Put(key, []byte(strconv.Itoa(v)))
}

// migrateV1 creates the layout of version 1: meta and sessions/<id> → JSON.
func migrateV1(_ *Store, tx *bolt.Tx) error {
	for _, name := range [][]byte{bucketMeta, bucketSessions} {
		if _, err := tx.CreateBucketIfNotExists(name); err != nil {
			return err
		}
	}
	return nil
}

// migrateV2 turns each session value into a bucket of its own (room for
// snapshots), adds summaries, the trash and its index, and upgrades every
// session to the current catalogue on the way.
func migrateV2(s *Store, tx *bolt.Tx) error {
	type kv struct{ k, v []byte }
	var old []kv
	err := tx.Bucket(bucketSessions).ForEach(func(k, v []byte) error {
		if v == nil {
			return fmt.Errorf("sessions/%s is a bucket in a version-1 file", k)
		}
		old = append(old, kv{bytes.Clone(k), bytes.Clone(v)})
		return nil
	})
	if err != nil {
		return s.corrupt("Sitzungsliste (Version 1)", err)
	}
	if err := tx.DeleteBucket(bucketSessions); err != nil {
		return err
	}
	for _, name := range [][]byte{bucketSessions, bucketSummaries, bucketSummaryKey, bucketTrash, bucketTrashIndex} {
		if _, err := tx.CreateBucketIfNotExists(name); err != nil {
			return err
		}
	}
	for _, e := range old {
		sess, err := s.decode(string(e.k), e.v)
		if err != nil {
			return err
		}
		sess.ID = string(e.k)
		if err := s.put(tx, sess); err != nil {
			return err
		}
	}
	return putInt(tx, keyCatalogue, model.CatalogueVersion)
}

// upgradeCatalogue brings every stored session, live or in the trash, to
// the current catalogue and refreshes the summaries (progress totals change
// with the catalogue).
func (s *Store) upgradeCatalogue(tx *bolt.Tx) error {
	err := s.eachSession(tx, func(live bool, b *bolt.Bucket, sess *model.Session) error {
		if live {
			return s.put(tx, sess)
		}
		return s.putTrashed(b, sess)
	})
	if err != nil {
		return err
	}
	return putInt(tx, keyCatalogue, model.CatalogueVersion)
}

// eachSession decodes every stored session, live (live) or in the trash,
// and hands it with its bucket to fn.
func (s *Store) eachSession(tx *bolt.Tx, fn func(live bool, b *bolt.Bucket, sess *model.Session) error) error {
	for _, parent := range [][]byte{bucketSessions, bucketTrash} {
		pb := tx.Bucket(parent)
		var ids [][]byte
		if err := pb.ForEachBucket(func(k []byte) error { ids = append(ids, bytes.Clone(k)); return nil }); err != nil {
			return err
		}
		for _, id := range ids {
			b := pb.Bucket(id)
			sess, err := s.decode(string(id), b.Get(keySession))
			if err != nil {
				return err
			}
			sess.ID = string(id)
			if err := fn(bytes.Equal(parent, bucketSessions), b, sess); err != nil {
				return err
			}
		}
	}
	return nil
}

// migrateV3 seals every record with its checksum (checksum.go): sessions
// live and in the trash, their snapshots, and the summaries. The stored
// JSON is kept byte for byte (fields of a newer ikz included).
func migrateV3(s *Store, tx *bolt.Tx) error {
	for _, parent := range [][]byte{bucketSessions, bucketTrash} {
		pb := tx.Bucket(parent)
		var ids [][]byte
		if err := pb.ForEachBucket(func(k []byte) error { ids = append(ids, bytes.Clone(k)); return nil }); err != nil {
			return err
		}
		for _, k := range ids {
			id, b := string(k), pb.Bucket(k)
			if err := resealRecord(b, keySession, id); err != nil {
				return s.corrupt("Sitzung "+id, err)
			}
			if v := b.Get(keySummary); v != nil {
				if err := resealSummary(b, keySummary, v); err != nil {
					return s.corrupt("Übersicht "+id, err)
				}
			}
			snaps := b.Bucket(bucketSnapshots)
			if snaps == nil {
				continue
			}
			var snapIDs [][]byte
			if err := snaps.ForEach(func(k, _ []byte) error { snapIDs = append(snapIDs, bytes.Clone(k)); return nil }); err != nil {
				return err
			}
			for _, sk := range snapIDs {
				if err := resealRecord(snaps, sk, snapshotPlace(id, string(sk))); err != nil {
					return s.corrupt("Stand "+string(sk), err)
				}
			}
		}
	}
	sums := tx.Bucket(bucketSummaries)
	var keys [][]byte
	if err := sums.ForEach(func(k, _ []byte) error { keys = append(keys, bytes.Clone(k)); return nil }); err != nil {
		return err
	}
	for _, k := range keys {
		if err := resealSummary(sums, k, sums.Get(k)); err != nil {
			return s.corrupt("Übersicht", err)
		}
	}
	return nil
}

// resealRecord seals the plain record under key in b (sealed ones stay).
func resealRecord(b *bolt.Bucket, key []byte, place string) error {
	v := b.Get(key)
	if v == nil || v[0] == sealMark {
		return nil
	}
	return b.Put(key, seal(place, bytes.Clone(v)))
}

// resealSummary rewrites a summary in the current (checksummed) codec.
func resealSummary(b *bolt.Bucket, key, v []byte) error {
	r, err := decodeSummary(v)
	if err != nil {
		return err
	}
	return b.Put(key, encodeSummary(r))
}

// migrateV4 rewrites every summary, live or in the trash, from its session,
// so that it carries the group's decision (summary codec version 4). The
// sessions themselves are not touched.
func migrateV4(s *Store, tx *bolt.Tx) error {
	return s.eachSession(tx, func(live bool, b *bolt.Bucket, sess *model.Session) error {
		if live {
			return putSummary(tx, sess)
		}
		return b.Put(keySummary, encodeSummary(summarize(sess)))
	})
}
