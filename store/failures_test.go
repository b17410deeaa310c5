package store

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"ikz/model"

	bolt "go.etcd.io/bbolt"
)

func TestSecondOpenFailsFastWhileInUse(t *testing.T) {
	s, path := openTemp(t, newClock())
	start := time.Now()
	s2, err := Open(path) // a second open in one process also waits for the lock
	elapsed := time.Since(start)
	if err == nil {
		s2.Close()
		t.Fatal("second Open succeeded while the file is held")
	}
	var iu *InUseError
	if !errors.As(err, &iu) {
		t.Fatalf("err = %T %v, want *InUseError", err, err)
	}
	if elapsed > 2*time.Second {
		t.Errorf("second Open took %v, want < 2s", elapsed)
	}
	for _, want := range []string{path, "anderes ikz-Programm", "--db"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("message %q lacks %q", err, want)
		}
	}
	if _, err := OpenWith(path, Options{ReadOnly: true, Timeout: 100 * time.Millisecond}); !errors.As(err, &iu) {
		t.Errorf("read-only open of a held file: %v", err)
	}
	_ = s.Close()
	s3, err := Open(path)
	if err != nil {
		t.Fatalf("open after release: %v", err)
	}
	s3.Close()
}

// bigDB writes a database with n sessions and returns its path.
func bigDB(t testing.TB, n int) string {
	t.Helper()
	s, path := openTemp(t, newClock())
	sessions := make([]*model.Session, n)
	for i := range sessions {
		sessions[i] = richSession()
		sessions[i].Title = fmt.Sprintf("Sitzung %d", i)
	}
	if _, err := s.Import(sessions); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

// wantCorrupt opens path and expects a CorruptError naming the file, no
// panic, and the file unchanged.
func wantCorrupt(t *testing.T, path, detail string) {
	t.Helper()
	before := fileHash(t, path)
	s, err := Open(path)
	if err == nil {
		// Some damage is only found when reading.
		_, err = s.List()
		if err == nil {
			for _, sum := range mustList(t, s) {
				if _, err = s.Get(sum.ID); err != nil {
					break
				}
			}
		}
		s.Close()
	}
	var ce *CorruptError
	if !errors.As(err, &ce) {
		t.Fatalf("err = %T %v, want *CorruptError", err, err)
	}
	t.Log(err)
	if !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), detail) || !strings.Contains(err.Error(), "nicht verändert") {
		t.Errorf("message %q should name the file, %q and say it is unchanged", err, detail)
	}
	if fileHash(t, path) != before {
		t.Error("the damaged file was modified")
	}
}

func mustList(t *testing.T, s *Store) []Summary {
	l, _ := s.List()
	return l
}

func TestDamagedFiles(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	good := bigDB(t, 200)
	data, err := os.ReadFile(good)
	if err != nil {
		t.Fatal(err)
	}
	t.Run("text file", func(t *testing.T) {
		wantCorrupt(t, write("notizen.txt", bytes.Repeat([]byte("Das ist keine Datenbank.\n"), 500)), "keine Datenbankdatei")
	})
	t.Run("short garbage", func(t *testing.T) {
		wantCorrupt(t, write("kurz.db", []byte("ikz")), "keine Datenbankdatei")
	})
	t.Run("truncated to half", func(t *testing.T) {
		wantCorrupt(t, write("halb.db", data[:len(data)/2]), "abgeschnitten")
	})
	t.Run("truncated inside the header", func(t *testing.T) {
		wantCorrupt(t, write("kopf.db", data[:5000]), "abgeschnitten")
	})
	t.Run("both meta pages damaged", func(t *testing.T) {
		d := bytes.Clone(data)
		copy(d[16+40:], "kaputt!!") // pgid field of meta 0
		copy(d[4096+16+40:], "kaputt!!")
		wantCorrupt(t, write("meta.db", d), "Dateikopf ist beschädigt")
	})
	t.Run("data pages overwritten", func(t *testing.T) {
		d := bytes.Clone(data)
		for i := 2 * 4096; i < len(d); i++ {
			d[i] = byte(i*7 + 3)
		}
		wantCorrupt(t, write("seiten.db", d), "")
	})
	t.Run("damaged leaf page", func(t *testing.T) {
		wantCorrupt(t, write("blatt.db", damageLeaf(t, good, data)), "beschädigt")
	})
	t.Run("foreign bbolt file", func(t *testing.T) {
		p := filepath.Join(dir, "fremd.db")
		db, err := bolt.Open(p, 0o600, nil)
		if err != nil {
			t.Fatal(err)
		}
		_ = db.Update(func(tx *bolt.Tx) error { _, err := tx.CreateBucket([]byte("andere")); return err })
		db.Close()
		wantCorrupt(t, p, "anderen Programm")
	})
}

func TestNewerSchemaRefused(t *testing.T) {
	for _, tc := range []struct {
		key  []byte
		what string
	}{{keySchema, "Datenformat"}, {keyCatalogue, "Fragenkatalog"}} {
		t.Run(tc.what, func(t *testing.T) {
			s, path := openTemp(t, newClock())
			if err := s.Create(&model.Session{Title: "T"}); err != nil {
				t.Fatal(err)
			}
			s.Close()
			db, err := bolt.Open(path, 0o600, nil)
			if err != nil {
				t.Fatal(err)
			}
			_ = db.Update(func(tx *bolt.Tx) error { return tx.Bucket(bucketMeta).Put(tc.key, []byte("99")) })
			db.Close()
			before := fileHash(t, path)
			_, err = Open(path)
			var ne *NewerSchemaError
			if !errors.As(err, &ne) || ne.Found != 99 {
				t.Fatalf("err = %v, want NewerSchemaError", err)
			}
			for _, want := range []string{path, tc.what, "neueren ikz-Version", "nicht verändert"} {
				if !strings.Contains(err.Error(), want) {
					t.Errorf("message %q lacks %q", err, want)
				}
			}
			if fileHash(t, path) != before {
				t.Error("a newer database was modified")
			}
		})
	}
}

func TestDirectoryCannotBeCreated(t *testing.T) {
	dir := t.TempDir()
	blocker := filepath.Join(dir, "datei")
	if err := os.WriteFile(blocker, []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(blocker, "ikz", "sessions.db")
	_, err := Open(path)
	var fe *FileError
	if !errors.As(err, &fe) || fe.Op != OpMkdir {
		t.Fatalf("err = %v, want FileError(mkdir)", err)
	}
	if !strings.Contains(err.Error(), filepath.Dir(path)) || !strings.Contains(err.Error(), "--db") {
		t.Errorf("message %q should name the directory and --db", err)
	}
	if _, err := Open(dir); !errors.As(err, &fe) || !strings.Contains(err.Error(), "Verzeichnis") {
		t.Errorf("opening a directory: %v", err)
	}
}

func TestReadOnlyStore(t *testing.T) {
	c := newClock()
	s, path := openTemp(t, c)
	sess := &model.Session{Title: "T"}
	if err := s.Create(sess); err != nil {
		t.Fatal(err)
	}
	s.Close()
	before := fileHash(t, path)
	ro, err := OpenWith(path, Options{ReadOnly: true, Now: c.Now})
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	if list, err := ro.List(); err != nil || len(list) != 1 {
		t.Errorf("List = %v, %v", list, err)
	}
	var re *ReadOnlyError
	if err := ro.Rename(sess.ID, "neu"); !errors.As(err, &re) {
		t.Errorf("write on a read-only store: %v", err)
	}
	if fileHash(t, path) != before {
		t.Error("read-only store modified the file")
	}
	var fe *FileError
	if _, err := OpenWith(filepath.Join(t.TempDir(), "fehlt.db"), Options{ReadOnly: true}); !errors.As(err, &fe) {
		t.Errorf("read-only open of a missing file: %v", err)
	}
}

func TestPermissionDenied(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root ignores file permissions")
	}
	s, path := openTemp(t, newClock())
	s.Close()
	if err := os.Chmod(path, 0o400); err != nil {
		t.Fatal(err)
	}
	_, err := Open(path)
	var fe *FileError
	if !errors.As(err, &fe) || !strings.Contains(err.Error(), "keine Berechtigung") {
		t.Errorf("err = %v", err)
	}
}

func TestFileErrorMessages(t *testing.T) {
	pe := func(errno syscall.Errno) error { return &os.PathError{Op: "write", Path: "/x/sessions.db", Err: errno} }
	tests := []struct {
		err  *FileError
		want []string
	}{
		{&FileError{"/x/sessions.db", OpWrite, pe(syscall.ENOSPC)}, []string{"Datenträger ist voll", "/x/sessions.db", "unverändert", "--db"}},
		{&FileError{"/x/sessions.db", OpWrite, fmt.Errorf("file resize error: %s", syscall.ENOSPC)}, []string{"Datenträger ist voll"}},
		{&FileError{"/x/sessions.db", OpOpen, pe(syscall.EROFS)}, []string{"schreibgeschützt", "nicht geöffnet werden", "--db"}},
		{&FileError{"/x/sessions.db", OpOpen, pe(syscall.EACCES)}, []string{"keine Berechtigung", "/x/sessions.db"}},
		{&FileError{"/x", OpMkdir, pe(syscall.EACCES)}, []string{"Verzeichnis /x", "keine Berechtigung", "--db"}},
		{&FileError{"/x/b.db", OpBackup, pe(syscall.EIO)}, []string{"/x/b.db", "nicht geschrieben werden"}},
	}
	for _, tt := range tests {
		msg := tt.err.Error()
		for _, w := range tt.want {
			if !strings.Contains(msg, w) {
				t.Errorf("%q lacks %q", msg, w)
			}
		}
	}
}

// damageLeaf returns data with the first leaf page under the summaries
// bucket overwritten, so that opening works and reading fails.
func damageLeaf(t *testing.T, path string, data []byte) []byte {
	db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	var root uint64
	_ = db.View(func(tx *bolt.Tx) error { root = uint64(tx.Bucket(bucketSummaries).Root()); return nil })
	db.Close()
	const ps = 4096
	page := data[root*ps:]
	if page[8]&branchPage == 0 {
		t.Fatalf("summaries root %d is not a branch page; use more sessions", root)
	}
	leaf := binary.NativeEndian.Uint64(page[16+8:]) // pgid of the first branch element
	d := bytes.Clone(data)
	for i := leaf*ps + 16; i < (leaf+1)*ps; i++ {
		d[i] = 0xff
	}
	return d
}
