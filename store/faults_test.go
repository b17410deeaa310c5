//go:build linux

package store

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
	"unsafe"

	"ikz/model"
	"ikz/store/faultdisk"
)

// The storage fault-injection suite: every write and every fsync of a save
// sequence fails once, in turn, on a real file. The failing operation is
// real too: the file's descriptor is swapped (faultdisk) for /dev/full, so
// the kernel answers the write with ENOSPC, or for /dev/null right after a
// write, so the fsync that follows fails with EINVAL. The only reach into
// bbolt is the hook that tells us where in the sequence we are (its
// ops.writeAt, see hookWrites).
//
// Each case checks: the failed save returns a German FileError, the store
// holds every acknowledged save and nothing half-done, the save succeeds
// when retried, and after the sequence a fresh open (with its structural
// check) finds exactly the expected content.

// faultSave is one step of the save sequence.
type faultSave struct {
	name string
	run  func(s *Store, ids map[string]string) error
}

func faultSequence() []faultSave {
	note := "Die Lenkungsgruppe einigt sich auf eine gemeinsame Ausschreibung der Wartung."
	seq := []faultSave{
		{"anlegen A", func(s *Store, ids map[string]string) error {
			x := &model.Session{Title: "A", Traeger: "Kreis A", Profile: model.Profile{"bundesland": {"NW"}}}
			if err := s.Create(x); err != nil {
				return err
			}
			ids["A"] = x.ID
			return nil
		}},
		{"anlegen B", func(s *Store, ids map[string]string) error {
			x := &model.Session{Title: "B", Profile: model.Profile{}}
			if err := s.Create(x); err != nil {
				return err
			}
			ids["B"] = x.ID
			return nil
		}},
	}
	for _, n := range []int{5, 20, 40, len(note)} {
		seq = append(seq, faultSave{fmt.Sprintf("Notiz %d", n), func(s *Store, ids map[string]string) error {
			return s.SetNote(ids["A"], "s.bedarf.ziele", note[:n])
		}})
	}
	seq = append(seq,
		faultSave{"Quick-Check", func(s *Store, ids map[string]string) error {
			return s.SetQuick(ids["A"], "qc.s2", model.QuickEntry{Status: model.StatusErledigt, Note: "ok"})
		}},
		faultSave{"Antwort", func(s *Store, ids map[string]string) error {
			return s.SetAnswer(ids["A"], "partner_anzahl", model.Answer{"6"})
		}},
		faultSave{"Stand", func(s *Store, ids map[string]string) error {
			_, err := s.Snapshot(ids["A"], "Review")
			return err
		}},
		faultSave{"löschen B", func(s *Store, ids map[string]string) error { return s.Delete(ids["B"]) }},
	)
	return seq
}

// writeHook replaces bbolt's page writer; orig is the real one.
type writeHook func(orig func([]byte, int64) (int, error), b []byte, off int64) (int, error)

// hookWrites installs hook on the store's current bbolt handle. A store
// that reopens after a failed commit gets a fresh handle without it.
func hookWrites(t *testing.T, s *Store, hook writeHook) {
	t.Helper()
	f := reflect.ValueOf(s.db).Elem().FieldByName("ops")
	if f.IsValid() {
		f = f.FieldByName("writeAt")
	}
	if !f.IsValid() || f.Type() != reflect.TypeOf(func([]byte, int64) (int, error) { return 0, nil }) {
		t.Fatal("bbolt has no ops.writeAt of the expected type any more: adapt hookWrites to the new bbolt")
	}
	p := (*func([]byte, int64) (int, error))(unsafe.Pointer(f.UnsafeAddr()))
	orig := *p
	*p = func(b []byte, off int64) (int, error) { return hook(orig, b, off) }
}

// faultBase is a database that exists already (the sequence runs on an
// opened file, as in the app).
func faultBase(t *testing.T) []byte {
	t.Helper()
	path := filepath.Join(t.TempDir(), "base.db")
	s, err := OpenWith(path, Options{Now: fixedNow})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Create(&model.Session{Title: "Vorhanden", Profile: model.Profile{"bundesland": {"BY"}}}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// faultRun opens a copy of base with the fault opener.
func faultRun(t *testing.T, base []byte) (*Store, func() *faultdisk.File, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "sessions.db")
	if err := os.WriteFile(path, base, 0o600); err != nil {
		t.Fatal(err)
	}
	open, held := faultdisk.Opener()
	s, err := OpenWith(path, Options{Now: fixedNow, OpenFile: open})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close(); held().Release() })
	return s, held, path
}

// op is one write the dry run saw: which save, and whether an fsync
// follows it (the last data page before a meta page, and the meta page).
type faultOp struct {
	save     int
	syncNext bool
}

func TestFaultInjectionWritesAndSyncs(t *testing.T) {
	seq := faultSequence()
	base := faultBase(t)

	// Dry run: the states after each save, and the writes of each save.
	s, _, _ := faultRun(t, base)
	pageSize := int64(os.Getpagesize())
	var ops []faultOp
	cur := 0
	hookWrites(t, s, func(orig func([]byte, int64) (int, error), b []byte, off int64) (int, error) {
		if off < 2*pageSize { // a meta page ends the commit: the data before it was synced
			if n := len(ops); n > 0 && ops[n-1].save == cur {
				ops[n-1].syncNext = true
			}
			ops = append(ops, faultOp{save: cur, syncNext: true})
		} else {
			ops = append(ops, faultOp{save: cur})
		}
		return orig(b, off)
	})
	ids := map[string]string{}
	states := []string{faultState(t, s)}
	for i, step := range seq {
		cur = i
		if err := step.run(s, ids); err != nil {
			t.Fatalf("dry run, %s: %v", step.name, err)
		}
		states = append(states, faultState(t, s))
	}
	s.Close()

	type fault struct {
		kind string // "write" or "fsync"
		op   int    // index into ops
	}
	var faults []fault
	for i, op := range ops {
		faults = append(faults, fault{"write", i})
		if op.syncNext {
			faults = append(faults, fault{"fsync", i})
		}
	}
	t.Logf("%d saves, %d writes, %d faults", len(seq), len(ops), len(faults))

	for _, f := range faults {
		name := fmt.Sprintf("%s nach %s %d (%s)", f.kind, "Schreibvorgang", f.op+1, seq[ops[f.op].save].name)
		done := make(chan struct{})
		go func() {
			defer close(done)
			runFault(t, name, base, seq, states, f.kind, f.op, pageSize)
		}()
		select {
		case <-done:
		case <-time.After(20 * time.Second):
			t.Fatalf("%s: hangs", name)
		}
		if t.Failed() {
			return
		}
	}
}

func runFault(t *testing.T, name string, base []byte, seq []faultSave, states []string, kind string, at int, pageSize int64) {
	s, held, path := faultRun(t, base)
	n := 0
	hookWrites(t, s, func(orig func([]byte, int64) (int, error), b []byte, off int64) (int, error) {
		disk := held()
		if err := disk.Heal(); err != nil { // a sync fault ends at the next write
			return 0, err
		}
		i := n
		n++
		switch {
		case i == at && kind == "write":
			if err := disk.Full(); err != nil {
				return 0, err
			}
			defer disk.Heal()
			return orig(b, off) // the kernel says ENOSPC
		case i == at && kind == "fsync":
			w, err := orig(b, off)
			if err == nil {
				err = disk.SyncFails() // the fsync that follows gets EINVAL
			}
			return w, err
		}
		return orig(b, off)
	})
	ids := map[string]string{}
	failed := false
	for i, step := range seq {
		err := step.run(s, ids)
		if err != nil {
			failed = true
			var fe *FileError
			if !errors.As(err, &fe) || !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), "nicht gespeichert") {
				t.Errorf("%s: %s failed with %T %v, want a German FileError naming the file", name, step.name, err, err)
				return
			}
			if kind == "write" && !strings.Contains(err.Error(), "Datenträger ist voll") {
				t.Errorf("%s: %q does not say the disk is full", name, err)
			}
			_ = held().Heal()
			// Nothing acknowledged is lost, nothing half-done is visible:
			// the store holds the state before this save or, when the
			// commit reached the file before its fsync failed, after it.
			// The retry is what the app does (autosave.go); a save whose
			// commit reached the file before its fsync failed is there
			// already (after the store's reopen) and is not repeated,
			// as a user who sees it would not.
			switch got := faultState(t, s); got {
			case states[i+1]:
				list, _ := s.List() // a session created that way: its ID
				for _, sum := range list {
					if _, known := ids[sum.Title]; !known && sum.Title != "Vorhanden" {
						ids[sum.Title] = sum.ID
					}
				}
			case states[i]:
				if err := step.run(s, ids); err != nil {
					t.Errorf("%s: retry of %s: %v", name, step.name, err)
					return
				}
			default:
				t.Errorf("%s: after the failed %s the store holds neither the state before nor after it:\n%s", name, step.name, got)
				return
			}
		}
		if got := faultState(t, s); got != states[i+1] {
			t.Errorf("%s: after %s the store holds\n%s\nwant\n%s", name, step.name, got, states[i+1])
			return
		}
	}
	if !failed {
		t.Errorf("%s: no save failed", name)
	}
	if err := s.Close(); err != nil {
		t.Errorf("%s: close: %v", name, err)
	}
	re, err := Open(path)
	if err != nil {
		t.Errorf("%s: reopen: %v", name, err)
		return
	}
	defer re.Close()
	if got := faultState(t, re); got != states[len(seq)] {
		t.Errorf("%s: after reopening the file holds\n%s\nwant\n%s", name, got, states[len(seq)])
	}
	if err := re.checkStructure(time.Minute); err != nil {
		t.Errorf("%s: structure after reopening: %v", name, err)
	}
}
