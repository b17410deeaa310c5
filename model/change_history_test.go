package model

import (
	"testing"
)

// What z and Z reach after an undo or redo is refused (Refused: the step
// can never apply, it is dropped) or fails on the disk (FailedUndo and
// FailedRedo: it is kept for another try). Three changes a, b, c of the
// same note; each case walks the history and then lists what z would take
// back next, newest first, and what Z would make again.
func TestHistoryRefusedAndFailedSteps(t *testing.T) {
	type op int
	const (
		undo op = iota
		redo
		refuseLast // the step just walked was refused
		failUndo   // the undo just taken failed on the disk
		failRedo
		push // a new change "d"
	)
	cases := []struct {
		name     string
		ops      []op
		wantUndo []string // Last, newest first
		wantRedo []string // NextRedo order
	}{
		{"nothing refused", []op{undo}, []string{"b", "a"}, []string{"c"}},
		{"refused undo is dropped", []op{undo, refuseLast}, []string{"b", "a"}, nil},
		{"z after a refused undo takes the one before", []op{undo, refuseLast, undo}, []string{"a"}, []string{"b"}},
		{"refused undo of the only step left", []op{undo, undo, undo, refuseLast}, nil, []string{"b", "c"}},
		{"refused redo is dropped", []op{undo, undo, redo, refuseLast}, []string{"a"}, []string{"c"}},
		{"Z after a refused redo makes the next", []op{undo, undo, redo, refuseLast, redo}, []string{"c", "a"}, nil},
		{"a disk failure keeps the undo", []op{undo, failUndo}, []string{"c", "b", "a"}, nil},
		{"a disk failure keeps the redo", []op{undo, redo, failRedo}, []string{"b", "a"}, []string{"c"}},
		{"a new change after a refusal", []op{undo, refuseLast, push}, []string{"d", "b", "a"}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := changeBase()
			var h History
			for _, text := range []string{"a", "b", "c"} {
				ch := SetNoteChange(s, "s.bedarf.aufgaben", text)
				ch.Name = text
				if err := ch.Apply(s); err != nil {
					t.Fatal(err)
				}
				h.Push(ch)
			}
			var last Step
			for _, o := range c.ops {
				switch o {
				case undo:
					last, _ = h.UndoStep()
				case redo:
					last, _ = h.RedoStep()
				case refuseLast:
					h.Refused(last)
				case failUndo:
					h.FailedUndo()
				case failRedo:
					h.FailedRedo()
				case push:
					h.Push(Change{Name: "d", Edits: []Edit{{Field: FieldNote, Key: "x", After: Value{Set: true, Text: "d"}}}})
				}
			}
			if got := undoOrder(&h); !equalNames(got, c.wantUndo) {
				t.Errorf("z reaches %q, want %q", got, c.wantUndo)
			}
			if got := redoOrder(&h); !equalNames(got, c.wantRedo) {
				t.Errorf("Z reaches %q, want %q", got, c.wantRedo)
			}
		})
	}
}

// The same change made twice is two steps: refusing the newer one keeps
// the older.
func TestHistoryRefusedEqualChanges(t *testing.T) {
	var h History
	c := Change{Name: "n", Edits: []Edit{{Field: FieldNote, Key: "k", Before: Value{}, After: Value{Set: true, Text: "x"}}}}
	h.Push(c)
	h.Push(c)
	st, _ := h.UndoStep()
	h.Refused(st)
	if got := undoOrder(&h); len(got) != 1 {
		t.Fatalf("after refusing one of two equal steps z reaches %q", got)
	}
}

// RefusedUndo and RefusedRedo drop the step just walked (accessible mode).
func TestHistoryRefusedUndoRedo(t *testing.T) {
	var h History
	for _, n := range []string{"a", "b"} {
		h.Push(Change{Name: n, Edits: []Edit{{Field: FieldNote, Key: n, After: Value{Set: true, Text: n}}}})
	}
	h.Undo()
	h.RefusedUndo()
	if got := undoOrder(&h); !equalNames(got, []string{"a"}) || h.CanRedo() {
		t.Errorf("after a refused undo: z %q, redo %v", got, h.CanRedo())
	}
	h.Undo()
	h.Redo()
	h.RefusedRedo()
	if h.CanUndo() || h.CanRedo() {
		t.Errorf("after a refused redo: undo %v, redo %v", h.CanUndo(), h.CanRedo())
	}
}

// undoOrder lists what z would take back, newest first, without changing h.
func undoOrder(h *History) []string {
	var out []string
	for i := len(h.done) - 1; i >= 0; i-- {
		out = append(out, h.done[i].Change.Name)
	}
	return out
}

func redoOrder(h *History) []string {
	var out []string
	for i := len(h.undone) - 1; i >= 0; i-- {
		out = append(out, h.undone[i].Change.Name)
	}
	return out
}

func equalNames(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
