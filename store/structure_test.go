package store

import (
	"bytes"
	"encoding/binary"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"
)

// Crafted damage to the page tree is refused on open, quickly, without
// touching the file: a branch page that points to itself (once made ikz
// list allocate 16 GB), a freelist that lists a live page (opened fine and
// later destroyed a snapshot), references out of the file, an empty file.
func TestCraftedTreesRefused(t *testing.T) {
	good := bigDB(t, 200)
	data, err := os.ReadFile(good)
	if err != nil {
		t.Fatal(err)
	}
	const ps = 4096
	le := binary.NativeEndian
	db, err := bolt.Open(good, 0o600, &bolt.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	var sumRoot, sessRoot uint64
	_ = db.View(func(tx *bolt.Tx) error {
		sumRoot = uint64(tx.Bucket(bucketSummaries).Root())
		sessRoot = uint64(tx.Bucket(bucketSessions).Root())
		return nil
	})
	db.Close()
	f, _ := os.Open(good)
	m, err := currentMeta(f)
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	if data[sumRoot*ps+8]&branchPage == 0 {
		t.Fatalf("summaries root %d is not a branch page; use more sessions", sumRoot)
	}
	dir := t.TempDir()
	cases := []struct {
		name, detail string
		damage       func(d []byte)
	}{
		{"branch page points to itself", "mehrfach verwendet", func(d []byte) {
			le.PutUint64(d[sumRoot*ps+16+8:], sumRoot) // first element's child
		}},
		{"two parents share a page", "mehrfach verwendet", func(d []byte) {
			first := le.Uint64(d[sumRoot*ps+16+8:])
			le.PutUint64(d[sumRoot*ps+16+16+8:], first) // second element → first child
		}},
		{"child out of the file", "außerhalb der Datei", func(d []byte) {
			le.PutUint64(d[sumRoot*ps+16+8:], m.pgid+1000)
		}},
		{"freelist lists a live page", "zugleich frei und belegt", func(d []byte) {
			fl := d[m.freelist*ps:]
			n := int(le.Uint16(fl[10:]))
			le.PutUint16(fl[10:], uint16(n+1))
			le.PutUint64(fl[16+8*n:], sessRoot)
		}},
		{"page of the wrong kind", "falsche Art", func(d []byte) {
			child := le.Uint64(d[sumRoot*ps+16+8:])
			le.PutUint16(d[child*ps+8:], freelistPage)
		}},
		{"more elements than fit", "passen nicht", func(d []byte) {
			child := le.Uint64(d[sumRoot*ps+16+8:])
			le.PutUint16(d[child*ps+10:], 0xFFF0)
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			d := bytes.Clone(data)
			tc.damage(d)
			p := filepath.Join(dir, tc.name+".db")
			if err := os.WriteFile(p, d, 0o600); err != nil {
				t.Fatal(err)
			}
			done := make(chan struct{})
			go func() {
				defer close(done)
				wantCorrupt(t, p, tc.detail)
			}()
			select {
			case <-done:
			case <-time.After(10 * time.Second):
				t.Fatal("opening the damaged file hangs")
			}
		})
	}
}

func TestEmptyFileReportedNotRewritten(t *testing.T) {
	p := filepath.Join(t.TempDir(), "leer.db")
	if err := os.WriteFile(p, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	for _, ro := range []bool{false, true} {
		_, err := OpenWith(p, Options{ReadOnly: ro})
		var ee *EmptyFileError
		if !errors.As(err, &ee) || !bytes.Contains([]byte(err.Error()), []byte(p)) || !bytes.Contains([]byte(err.Error()), []byte("0 Bytes")) {
			t.Errorf("read-only %v: err = %T %v, want EmptyFileError naming the file", ro, err, err)
		}
	}
	if fi, err := os.Stat(p); err != nil || fi.Size() != 0 {
		t.Errorf("the empty file was changed: %v %v", fi.Size(), err)
	}
}

// Opening a sound file runs the structural check and finds nothing.
func TestStructureOfSoundFile(t *testing.T) {
	s, _ := openTemp(t, newClock())
	if err := s.checkStructure(time.Minute); err != nil {
		t.Fatalf("new database: %v", err)
	}
	path := bigDB(t, 300)
	s2, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	if err := s2.checkStructure(time.Minute); err != nil {
		t.Fatalf("300 sessions: %v", err)
	}
}
