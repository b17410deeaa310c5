package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"ikz/model"
	"ikz/store"
)

// holdUnderLoad opens db as the app does (sharing on) and writes to it
// until the test ends: each write sets a note and a quick-check note to
// the same counter in one transaction, and every 10th creates a session.
func holdUnderLoad(t *testing.T, db string) (id string, writes *atomic.Int64) {
	t.Helper()
	st, err := store.OpenWith(db, store.Options{Share: true})
	if err != nil {
		t.Fatal(err)
	}
	sess := &model.Session{Title: "Unter Last", Profile: model.Profile{"bundesland": {"NW"}}}
	if err := st.Create(sess); err != nil {
		t.Fatal(err)
	}
	writes = new(atomic.Int64)
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for n := 1; ; n++ {
			select {
			case <-stop:
				return
			default:
			}
			v := fmt.Sprint(n)
			if _, err := st.Update(sess.ID, func(s *model.Session) error {
				s.Notes = map[string]string{"s.bedarf.ziele": v}
				s.QuickCheck = map[string]model.QuickEntry{"qc.s1": {Status: model.StatusInArbeit, Note: v}}
				return nil
			}); err != nil {
				t.Errorf("write %d: %v", n, err)
				return
			}
			if n%10 == 0 {
				if err := st.Create(&model.Session{Title: "Last " + v, Profile: model.Profile{}}); err != nil {
					t.Errorf("create %d: %v", n, err)
					return
				}
			}
			writes.Add(1)
		}
	}()
	t.Cleanup(func() {
		close(stop)
		wg.Wait()
		st.Close()
	})
	return sess.ID, writes
}

// consistent reports whether a session has the note and the quick-check
// note of the same write.
func consistent(s *model.Session) bool {
	return s.Notes["s.bedarf.ziele"] == s.QuickCheck["qc.s1"].Note
}

// list --json, export and backup work while a program holds the database
// and writes to it: within a second, each from one committed state.
func TestReadCommandsWhileAppHoldsDatabase(t *testing.T) {
	db := tempDB(t)
	id, writes := holdUnderLoad(t, db)
	for writes.Load() < 5 {
		time.Sleep(5 * time.Millisecond)
	}
	dir := t.TempDir()
	for round := 0; round < 5; round++ {
		timed := func(args ...string) (int, string, string) {
			t.Helper()
			start := time.Now()
			code, out, stderr := runCmd(t, db, args[0], args[1:]...)
			if d := time.Since(start); d > time.Second {
				t.Errorf("%v took %v while the app holds the file, want < 1 s", args, d)
			}
			return code, out, stderr
		}
		code, out, stderr := timed("list", "--json")
		var list []map[string]any
		if code != 0 || json.Unmarshal([]byte(out), &list) != nil || len(list) == 0 {
			t.Fatalf("list --json: exit %d, %q, %s", code, out, stderr)
		}

		code, out, stderr = timed("export", id)
		if code != 0 {
			t.Fatalf("export: exit %d, %s", code, stderr)
		}
		docs, err := store.ParseExport([]byte(out))
		if err != nil || !consistent(docs[0].Session) {
			t.Fatalf("export is not one committed state: %v %v", err, docs[0].Session.Notes)
		}
		report := filepath.Join(dir, fmt.Sprintf("bericht%d.html", round))
		if code, _, stderr = timed("export", id, "-o", report); code != 0 {
			t.Fatalf("export -o: exit %d, %s", code, stderr)
		}

		backup := filepath.Join(dir, fmt.Sprintf("sicherung%d.db", round))
		code, out, stderr = timed("backup", backup)
		if code != 0 || !strings.Contains(out, db) {
			t.Fatalf("backup: exit %d, %q, %s", code, out, stderr)
		}
		b, err := store.OpenWith(backup, store.Options{ReadOnly: true}) // runs the structural check
		if err != nil {
			t.Fatalf("backup does not open: %v", err)
		}
		sums, err := b.List()
		if err != nil || len(sums) == 0 {
			t.Fatalf("backup list: %v", err)
		}
		for _, sum := range sums {
			s, err := b.Get(sum.ID)
			if err != nil || !consistent(s) {
				t.Fatalf("backup session %s: %v, not one committed state", sum.ID, err)
			}
		}
		b.Close()
	}
	if n := writes.Load(); n < 10 {
		t.Errorf("only %d writes happened meanwhile; the load did not run", n)
	}
	// Writers still wait for the lock and get the German message: never two writers.
	code, _, stderr := runCmd(t, db, "import", filepath.Join(scoreExampleDir, "profile-saarland-export.json"))
	if code == 0 || !strings.Contains(stderr, "bereits geöffnet") {
		t.Errorf("import while the app holds the file: exit %d %q", code, stderr)
	}
}

// The same while "ikz serve" holds the database.
func TestReadCommandsWhileServeHoldsDatabase(t *testing.T) {
	stop := make(chan os.Signal, 1)
	old := serveStop
	serveStop = func() (<-chan os.Signal, func()) { return stop, func() {} }
	defer func() { serveStop = old }()
	db := tempDB(t)
	seed(t, db, &model.Session{Title: "Workshop", Profile: model.Profile{"bundesland": {"SL"}}})
	var out, errOut syncBuffer
	done := make(chan int, 1)
	go func() {
		done <- runServe(Env{Stdout: &out, Stderr: &errOut, DBPath: db, Now: time.Now}, []string{"--listen", "127.0.0.1:0"})
	}()
	deadline := time.Now().Add(10 * time.Second)
	for !strings.Contains(out.String(), "Workshop-Code") {
		if time.Now().After(deadline) {
			t.Fatalf("serve did not start: %s", errOut.String())
		}
		time.Sleep(10 * time.Millisecond)
	}
	for _, args := range [][]string{{"list", "--json"}, {"backup", filepath.Join(t.TempDir(), "s.db")}} {
		start := time.Now()
		code, o, stderr := runCmd(t, db, args[0], args[1:]...)
		if code != 0 || time.Since(start) > time.Second {
			t.Errorf("%v while serve runs: exit %d after %v, %q %s", args, code, time.Since(start), o, stderr)
		}
	}
	stop <- os.Interrupt
	if code := <-done; code != 0 {
		t.Errorf("serve: exit %d %s", code, errOut.String())
	}
}

// syncBuffer is a bytes.Buffer safe for a writer and a reader goroutine.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}
