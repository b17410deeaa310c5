package store

import (
	"errors"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"ikz/model"

	bolt "go.etcd.io/bbolt"
)

func TestTrashAndRestore(t *testing.T) {
	c := newClock()
	s, _ := openTemp(t, c)
	keep, gone := richSession(), &model.Session{Title: "Weg damit", Traeger: "Gemeinde X"}
	for _, x := range []*model.Session{keep, gone} {
		if err := s.Create(x); err != nil {
			t.Fatal(err)
		}
	}
	snap, err := s.Snapshot(keep.ID, "vor dem Löschen")
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Delete(keep.ID); err != nil {
		t.Fatal(err)
	}
	var nf *NotFoundError
	_, err = s.Get(keep.ID)
	if !errors.As(err, &nf) || !nf.InTrash || !errors.Is(err, ErrNotFound) {
		t.Fatalf("Get of a deleted session: %v", err)
	}
	if !strings.Contains(err.Error(), "ikz restore "+keep.ID) {
		t.Errorf("message does not say how to restore: %v", err)
	}
	if err := s.Delete(keep.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("second Delete: %v", err)
	}
	list, _ := s.List()
	if len(list) != 1 || list[0].ID != gone.ID {
		t.Errorf("List after delete = %+v", list)
	}
	trash, err := s.Trash()
	if err != nil {
		t.Fatal(err)
	}
	if len(trash) != 1 || trash[0].ID != keep.ID || trash[0].Title != keep.Title || trash[0].Land != "NW" ||
		!trash[0].PurgeAt.Equal(trash[0].Deleted.Add(TrashRetention)) {
		t.Fatalf("Trash = %+v", trash)
	}

	s = reopen(t, s, c)
	if err := s.Restore(keep.ID); err != nil {
		t.Fatal(err)
	}
	got, err := s.Get(keep.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, keep) {
		t.Errorf("restored session differs:\n got %+v\nwant %+v", got, keep)
	}
	if _, err := s.GetSnapshot(keep.ID, snap.ID); err != nil {
		t.Errorf("snapshot lost in the trash: %v", err)
	}
	if list, _ := s.List(); len(list) != 2 {
		t.Errorf("List after restore = %+v", list)
	}
	if tr, _ := s.Trash(); len(tr) != 0 {
		t.Errorf("Trash after restore = %+v", tr)
	}
	if err := s.Restore(keep.ID); !errors.As(err, &nf) || !nf.NotTrash {
		t.Errorf("Restore of a live session: %v", err)
	}
	if err := s.Restore("nixda"); !errors.Is(err, ErrNotFound) {
		t.Errorf("Restore of an unknown ID: %v", err)
	}
}

func TestTrashPurgedAfter30Days(t *testing.T) {
	c := newClock()
	s, path := openTemp(t, c)
	var ids []string
	for _, title := range []string{"alt", "jung"} {
		x := &model.Session{Title: title}
		if err := s.Create(x); err != nil {
			t.Fatal(err)
		}
		if err := s.Delete(x.ID); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, x.ID)
		c.Add(10 * 24 * time.Hour)
	}
	// now: "alt" deleted 20 days ago, "jung" 10 days ago
	c.Add(15 * 24 * time.Hour) // 35 and 25 days
	tr, err := s.Trash()
	if err != nil {
		t.Fatal(err)
	}
	if len(tr) != 1 || tr[0].ID != ids[1] {
		t.Fatalf("Trash = %+v, want only %s", tr, ids[1])
	}
	if err := s.Restore(ids[0]); !errors.Is(err, ErrNotFound) {
		t.Errorf("purged session restorable: %v", err)
	}
	c.Add(10 * 24 * time.Hour) // "jung" is 35 days old: purged on open
	s = reopen(t, s, c)
	_ = s.Close()
	db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	_ = db.View(func(tx *bolt.Tx) error {
		for _, name := range [][]byte{bucketTrash, bucketTrashIndex} {
			if k, _ := tx.Bucket(name).Cursor().First(); k != nil {
				t.Errorf("%s not purged on open: %q", name, k)
			}
		}
		return nil
	})
}

func TestSnapshots(t *testing.T) {
	c := newClock()
	s, _ := openTemp(t, c)
	sess := richSession()
	if err := s.Create(sess); err != nil {
		t.Fatal(err)
	}
	first, err := s.Snapshot(sess.ID, "  ")
	if err != nil {
		t.Fatal(err)
	}
	if first.Label != "Stand 21.11.2026" {
		t.Errorf("default label = %q", first.Label)
	}
	if err := s.SetAnswer(sess.ID, "bundesland", model.Answer{"SH"}); err != nil {
		t.Fatal(err)
	}
	second, err := s.Snapshot(sess.ID, "Review 2027")
	if err != nil {
		t.Fatal(err)
	}
	infos, err := s.Snapshots(sess.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(infos, []SnapshotInfo{first, second}) {
		t.Errorf("Snapshots = %+v", infos)
	}
	old, err := s.GetSnapshot(sess.ID, first.ID)
	if err != nil {
		t.Fatal(err)
	}
	if old.Land() != "NW" {
		t.Errorf("snapshot changed with the session: Land %q", old.Land())
	}
	if now, _ := s.GetSnapshot(sess.ID, second.ID); now.Land() != "SH" {
		t.Errorf("second snapshot Land %q", now.Land())
	}
	var nf *NotFoundError
	if _, err := s.GetSnapshot(sess.ID, "nixda"); !errors.As(err, &nf) || nf.Snapshot != "nixda" {
		t.Errorf("missing snapshot: %v", err)
	}
}

func TestBackup(t *testing.T) {
	c := newClock()
	s, path := openTemp(t, c)
	sess := richSession()
	if err := s.Create(sess); err != nil {
		t.Fatal(err)
	}
	dst := filepath.Join(t.TempDir(), "sicherung.db")
	if err := s.Backup(dst); err != nil { // while s stays open
		t.Fatal(err)
	}
	if err := s.SetAnswer(sess.ID, "bundesland", model.Answer{"HE"}); err != nil {
		t.Fatal(err)
	}
	b, err := OpenWith(dst, Options{Now: c.Now})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	got, err := b.Get(sess.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, sess) {
		t.Errorf("backup differs:\n got %+v\nwant %+v", got, sess)
	}
	var fe *FileError
	if err := s.Backup(path); !errors.As(err, &fe) {
		t.Errorf("backup onto the database itself: %v", err)
	}
	if err := s.Backup(filepath.Join(t.TempDir(), "fehlt", "x.db")); !errors.As(err, &fe) || !strings.Contains(err.Error(), "x.db") {
		t.Errorf("backup into a missing directory: %v", err)
	}
}
