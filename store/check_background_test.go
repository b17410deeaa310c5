package store

import (
	"sync"
	"testing"
	"time"
)

// bbolt's tx.Check loads the freelist of a read-only file lazily; when the
// check runs on in the background (checkKeys past its budget) while the
// caller reads, that load raced with the reads' begin and end of their
// transactions (seen under -race in TestBitFlipsRefusedOrIdentical). The
// store preloads the freelist at open, so this is race-free; the test
// means something under -race, as .ci/run runs it.
func TestBackgroundCheckAndReadsDoNotRace(t *testing.T) {
	path, _ := flipDB(t)
	defer func(b time.Duration) { structureBudget = b }(structureBudget)
	structureBudget = 0 // the open-time check goes on in the background
	for i := 0; i < 20; i++ {
		s, err := OpenWith(path, Options{Now: fixedNow, ReadOnly: true})
		if err != nil {
			t.Fatal(err)
		}
		var wg sync.WaitGroup
		for r := 0; r < 4; r++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for j := 0; j < 20; j++ {
					if _, err := s.List(); err != nil {
						t.Error(err)
						return
					}
				}
			}()
		}
		wg.Wait()
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
	}
}
