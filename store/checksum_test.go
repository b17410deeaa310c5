package store

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"
)

// flipDB is a database with live sessions, a snapshot and a trash entry.
func flipDB(t *testing.T) (string, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "flip.db")
	s, err := OpenWith(path, Options{Now: fixedNow})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for i, title := range []string{"Erste", "Zweite", "Gelöscht"} {
		x := richSession()
		x.Title = title
		x.Notes["s.bedarf.ziele"] = strings.Repeat("Notiz ", 10*(i+1))
		if err := s.Create(x); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, x.ID)
	}
	if _, err := s.Snapshot(ids[0], "Review"); err != nil {
		t.Fatal(err)
	}
	if err := s.Delete(ids[2]); err != nil {
		t.Fatal(err)
	}
	want := faultState(t, s)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	return path, want
}

// Every single bit flip is refused or leaves the content identical: never
// different data without an error, never a panic or a hang. (Before the
// checksums 19 of 100 flips changed data silently.)
func TestBitFlipsRefusedOrIdentical(t *testing.T) {
	path, want := flipDB(t)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	dir := t.TempDir()
	n := 400
	if testing.Short() {
		n = 60
	}
	// Half the flips anywhere, half in bytes that hold something (not the
	// zeros of free space and page slack), where damage matters.
	var used []int
	for i, b := range data {
		if b != 0 {
			used = append(used, i)
		}
	}
	var refused, identical int
	for i := 0; i < 2*n; i++ {
		bit := rng.IntN(len(data) * 8)
		if i%2 == 1 {
			bit = used[rng.IntN(len(used))]*8 + rng.IntN(8)
		}
		d := bytes.Clone(data)
		d[bit/8] ^= 1 << (bit % 8)
		p := filepath.Join(dir, "f.db")
		if err := os.WriteFile(p, d, 0o600); err != nil {
			t.Fatal(err)
		}
		type result struct {
			state string
			err   error
		}
		done := make(chan result, 1)
		go func() {
			s, err := OpenWith(p, Options{Now: fixedNow, ReadOnly: true})
			if err != nil {
				done <- result{err: err}
				return
			}
			defer s.Close()
			done <- result{state: flipState(s)}
		}()
		var r result
		select {
		case r = <-done:
		case <-time.After(10 * time.Second):
			t.Fatalf("bit %d (byte %d): hangs", bit, bit/8)
		}
		switch {
		case r.err != nil:
			refused++
			if !isStoreError(r.err) {
				t.Errorf("bit %d (byte %d): %T %v is not one of the store's German errors", bit, bit/8, r.err, r.err)
			}
		case strings.HasPrefix(r.state, "Fehler: "):
			refused++
		case r.state == want:
			identical++
		default:
			t.Errorf("bit %d (byte %d, page %d): the data changed without an error", bit, bit/8, bit/8/4096)
		}
	}
	t.Logf("%d flips: %d refused, %d identical", 2*n, refused, identical)
}

// flipState is faultState that reports the first error instead of failing.
func flipState(s *Store) string {
	ft := &fakeTB{}
	done := make(chan string, 1)
	go func() {
		defer func() {
			if ft.msg != "" {
				done <- "Fehler: " + ft.msg
			}
		}()
		done <- faultState(ft, s)
	}()
	return <-done
}

// fakeTB collects the first Fatal of faultState.
type fakeTB struct {
	testing.TB
	msg string
}

func (f *fakeTB) Helper() {}
func (f *fakeTB) Fatal(args ...any) {
	f.msg = fmtArgs(args...)
	runtimeGoexit()
}
func (f *fakeTB) Fatalf(format string, args ...any) {
	f.msg = fmtf(format, args...)
	runtimeGoexit()
}

func isStoreError(err error) bool {
	var (
		ce *CorruptError
		fe *FileError
		ne *NewerSchemaError
		oe *OutdatedError
		nf *NotFoundError
	)
	return errors.As(err, &ce) || errors.As(err, &fe) || errors.As(err, &ne) || errors.As(err, &oe) || errors.As(err, &nf)
}

// Records written before checksums (schema 2, plain JSON) are read and
// sealed on open, byte for byte.
func TestPlainRecordsSealedOnOpen(t *testing.T) {
	path, want := flipDB(t)
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	var plain []byte
	var id string
	err = db.Update(func(tx *bolt.Tx) error { // undo the sealing, as a schema-2 file
		c := tx.Bucket(bucketSessions).Cursor()
		k, _ := c.First()
		id = string(k)
		b := tx.Bucket(bucketSessions).Bucket(k)
		p, err := unseal(id, b.Get(keySession))
		if err != nil {
			return err
		}
		plain = bytes.Clone(p)
		if err := b.Put(keySession, plain); err != nil {
			return err
		}
		return putInt(tx, keySchema, 2)
	})
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	s, err := OpenWith(path, Options{Now: fixedNow})
	if err != nil {
		t.Fatal(err)
	}
	if got := faultState(t, s); got != want {
		t.Errorf("after sealing:\n%s\nwant\n%s", got, want)
	}
	s.Close()
	db, err = bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	_ = db.View(func(tx *bolt.Tx) error {
		v := tx.Bucket(bucketSessions).Bucket([]byte(id)).Get(keySession)
		if v[0] != sealMark || !bytes.Equal(v[sealHeader:], plain) {
			t.Errorf("record not sealed byte for byte: %.40q", v)
		}
		if n, _ := getInt(tx.Bucket(bucketMeta), keySchema); n != SchemaVersion {
			t.Errorf("schema %d", n)
		}
		return nil
	})
}

// Fields written by a newer ikz: top-level ones are kept through a save,
// unknown ones deeper inside refuse the save (nothing is dropped).
func TestNewerFieldsKeptOrWriteRefused(t *testing.T) {
	s, path := openTemp(t, newClock())
	sess := richSession()
	if err := s.Create(sess); err != nil {
		t.Fatal(err)
	}
	rewrite := func(edit func(m map[string]any)) {
		t.Helper()
		s.Close()
		db, err := bolt.Open(path, 0o600, nil)
		if err != nil {
			t.Fatal(err)
		}
		err = db.Update(func(tx *bolt.Tx) error {
			b := tx.Bucket(bucketSessions).Bucket([]byte(sess.ID))
			p, err := unseal(sess.ID, b.Get(keySession))
			if err != nil {
				return err
			}
			var m map[string]any
			if err := json.Unmarshal(p, &m); err != nil {
				return err
			}
			edit(m)
			data, _ := json.Marshal(m)
			return b.Put(keySession, seal(sess.ID, data))
		})
		db.Close()
		if err != nil {
			t.Fatal(err)
		}
		s2, err := Open(path)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s2.Close() })
		s = s2
	}
	raw := func() string {
		var out string
		_ = s.view(func(tx *bolt.Tx) error {
			p, _ := unseal(sess.ID, tx.Bucket(bucketSessions).Bucket([]byte(sess.ID)).Get(keySession))
			out = string(p)
			return nil
		})
		return out
	}

	rewrite(func(m map[string]any) { m["gremien"] = []any{"Kreistag", map[string]any{"name": "Schulausschuss"}} })
	if err := s.SetNote(sess.ID, "s.bedarf.ziele", "neu"); err != nil {
		t.Fatalf("save with a newer top-level field: %v", err)
	}
	if r := raw(); !strings.Contains(r, `"gremien":["Kreistag",{"name":"Schulausschuss"}]`) || !strings.Contains(r, `"neu"`) {
		t.Errorf("the newer field or the change is missing: %s", r)
	}
	if err := s.SetNote(sess.ID, "s.bedarf.ziele", "noch einmal"); err != nil || !strings.Contains(raw(), `"gremien"`) {
		t.Errorf("second save: %v, field kept: %v", err, strings.Contains(raw(), `"gremien"`))
	}

	rewrite(func(m map[string]any) {
		ms := m["measures"].([]any)
		ms[0].(map[string]any)["kosten"] = 1200
	})
	before := raw()
	err := s.SetNote(sess.ID, "s.bedarf.ziele", "verloren?")
	var nf *NewerFieldsError
	if !errors.As(err, &nf) || !strings.Contains(err.Error(), "kosten") || !strings.Contains(err.Error(), "neueren ikz-Version") {
		t.Fatalf("save over a nested newer field: %v, want NewerFieldsError", err)
	}
	if raw() != before {
		t.Error("the refused save changed the record")
	}
}

func fmtArgs(args ...any) string             { return fmt.Sprint(args...) }
func fmtf(format string, args ...any) string { return fmt.Sprintf(format, args...) }
func runtimeGoexit()                         { runtime.Goexit() }

// A file cut anywhere is refused (or, cut only in trailing free space,
// identical): never a hang, never other data.
func TestTruncationsRefusedOrIdentical(t *testing.T) {
	path, want := flipDB(t)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), "cut.db")
	var refused, identical int
	for cut := 1; cut < len(data); cut += 509 { // not aligned to pages on purpose
		if err := os.WriteFile(p, data[:cut], 0o600); err != nil {
			t.Fatal(err)
		}
		done := make(chan string, 1)
		go func() {
			s, err := OpenWith(p, Options{Now: fixedNow, ReadOnly: true})
			if err != nil {
				if !isStoreError(err) {
					done <- "foreign error " + err.Error()
					return
				}
				done <- "refused"
				return
			}
			defer s.Close()
			done <- flipState(s)
		}()
		select {
		case got := <-done:
			switch {
			case got == "refused" || strings.HasPrefix(got, "Fehler: "):
				refused++
			case got == want:
				identical++
			default:
				t.Errorf("cut at %d: %.200s", cut, got)
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("cut at %d: hangs", cut)
		}
	}
	t.Logf("%d cuts: %d refused, %d identical", refused+identical, refused, identical)
}

// Drafts carry the checksum too: a flipped bit is damage, not another text;
// a draft stored before checksums is read as it is.
func TestDraftChecksum(t *testing.T) {
	s, path := openTemp(t, newClock())
	if err := s.PutDraft("s1/review", []byte(`{"teilnehmende":"Landrätin Müller"}`)); err != nil {
		t.Fatal(err)
	}
	if got, err := s.Draft("s1/review"); err != nil || string(got) != `{"teilnehmende":"Landrätin Müller"}` {
		t.Fatalf("draft: %q %v", got, err)
	}
	s.Close()
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	_ = db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketDrafts)
		v := bytes.Clone(b.Get([]byte("s1/review")))
		v[len(v)-5] ^= 0x01
		_ = b.Put([]byte("s1/review"), v)
		return b.Put([]byte("s1/alt"), []byte(`{"alt":true}`))
	})
	db.Close()
	s2, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	var ce *CorruptError
	if _, err := s2.Draft("s1/review"); !errors.As(err, &ce) {
		t.Errorf("flipped draft: %v, want CorruptError", err)
	}
	if got, err := s2.Draft("s1/alt"); err != nil || string(got) != `{"alt":true}` {
		t.Errorf("plain draft: %q %v", got, err)
	}
}
