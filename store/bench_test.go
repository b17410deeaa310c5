package store

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"sync"
	"testing"
	"time"

	"ikz/model"
)

// The benchmarks with 10,000 sessions share one database, built once.
var (
	bigOnce sync.Once
	bigDir  string
	bigPath string
	bigErr  error
)

func TestMain(m *testing.M) {
	code := m.Run()
	if bigDir != "" {
		os.RemoveAll(bigDir)
	}
	os.Exit(code)
}

// bench10k returns the path of a database with 10,000 varied sessions.
func bench10k(b *testing.B) string {
	bigOnce.Do(func() {
		bigDir, bigErr = os.MkdirTemp("", "ikz-bench-")
		if bigErr != nil {
			return
		}
		bigPath = filepath.Join(bigDir, "sessions.db")
		var s *Store
		if s, bigErr = Open(bigPath); bigErr != nil {
			return
		}
		defer s.Close()
		lands := model.ProfileQuestions[0].Allowed()
		notes := model.AllGuidingQuestionIDs()
		sessions := make([]*model.Session, 10_000)
		for i := range sessions {
			x := richSession()
			x.Title = fmt.Sprintf("Sitzung %05d", i)
			x.Profile["bundesland"] = model.Answer{lands[i%len(lands)]}
			x.Notes[notes[i%len(notes)]] = fmt.Sprintf("Notiz %d", i)
			x.Updated = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(i) * time.Minute)
			sessions[i] = x
		}
		_, bigErr = s.Import(sessions)
	})
	if bigErr != nil {
		b.Fatal(bigErr)
	}
	return bigPath
}

// reportMedian adds the median time per operation to the output.
func reportMedian(b *testing.B, ds []time.Duration) {
	if len(ds) == 0 {
		return
	}
	sort.Slice(ds, func(i, j int) bool { return ds[i] < ds[j] })
	b.ReportMetric(float64(ds[len(ds)/2].Nanoseconds()), "median-ns/op")
}

// BenchmarkSaveAnswer is one autosave: a profile answer in its own
// transaction, committed with fsync (bbolt syncs twice per commit: data
// pages, then the meta page). Compare with BenchmarkFsync.
func BenchmarkSaveAnswer(b *testing.B) { benchSave(b, false) }

// BenchmarkSaveAnswerNoSync is the same without fsync: the CPU share of a
// save (decode, validate, score, encode, bbolt bookkeeping).
func BenchmarkSaveAnswerNoSync(b *testing.B) { benchSave(b, true) }

func benchSave(b *testing.B, noSync bool) {
	s, _ := openTemp(b, newClock())
	s.db.NoSync = noSync
	sess := richSession()
	if err := s.Create(sess); err != nil {
		b.Fatal(err)
	}
	values := []string{"gering", "mittel", "hoch"}
	ds := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		t0 := time.Now()
		if err := s.SetAnswer(sess.ID, "leistungskraft", model.Answer{values[i%3]}); err != nil {
			b.Fatal(err)
		}
		ds = append(ds, time.Since(t0))
	}
	b.StopTimer()
	reportMedian(b, ds)
}

// BenchmarkFsync is the floor for a save: one 4 KiB write plus fsync in
// the same directory.
func BenchmarkFsync(b *testing.B) {
	f, err := os.Create(filepath.Join(b.TempDir(), "sync"))
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	page := make([]byte, 4096)
	ds := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		t0 := time.Now()
		if _, err := f.WriteAt(page, int64(i%16)*4096); err != nil {
			b.Fatal(err)
		}
		if err := f.Sync(); err != nil {
			b.Fatal(err)
		}
		ds = append(ds, time.Since(t0))
	}
	b.StopTimer()
	reportMedian(b, ds)
}

// BenchmarkList lists 10,000 sessions (target ≤ 20 ms).
func BenchmarkList(b *testing.B) {
	s, err := Open(bench10k(b))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		list, err := s.List()
		if err != nil || len(list) != 10_000 {
			b.Fatalf("List: %d, %v", len(list), err)
		}
	}
}

// BenchmarkOpen opens and closes a database of 10,000 sessions (target ≤ 10 ms).
func BenchmarkOpen(b *testing.B) {
	path := bench10k(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		s, err := Open(path)
		if err != nil {
			b.Fatal(err)
		}
		if err := s.Close(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkGet reads one session out of 10,000.
func BenchmarkGet(b *testing.B) {
	s, err := Open(bench10k(b))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	list, _ := s.List()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := s.Get(list[i%len(list)].ID); err != nil {
			b.Fatal(err)
		}
	}
}
