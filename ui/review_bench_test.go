package ui

import (
	"testing"

	"ikz/model"
)

// BenchmarkReviewComparison measures what selecting a snapshot costs: the
// comparison (two scorings) and its text at 120 columns.
func BenchmarkReviewComparison(b *testing.B) {
	e, sess := benchEnv(b)
	tb := newReviewTab(e.d, sess).(*reviewTab)
	tb.setSnapshots(loadSnapshotsCmd(e.d, e.id)().(snapshotsMsg))
	tb.SetSize(120, 32)
	row, _ := tb.list.selected()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		_ = tb.detailText(row.id, 120)
	}
}

// BenchmarkSessionViewReview is one frame of the session screen with the
// full comparison at 120x40.
func BenchmarkSessionViewReview(b *testing.B) {
	e, sess := benchEnv(b)
	m, _ := newSessionModel(e.d, sess)
	m.Update(loadSnapshotsCmd(e.d, e.id)())
	m.active = tabReview
	m.tabs[tabReview].(*reviewTab).full = true
	m.SetSize(120, 40)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		_ = m.View()
	}
}

// BenchmarkSessionViewMeasures is one frame with the Maßnahmen table.
func BenchmarkSessionViewMeasures(b *testing.B) {
	e, sess := benchEnv(b)
	m, _ := newSessionModel(e.d, sess)
	m.active = tabMassnahmen
	m.SetSize(120, 40)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		_ = m.View()
	}
}

func benchEnv(b *testing.B) (*tabEnv, *model.Session) {
	e := reviewedEnv(b)
	sess, err := e.st.Get(e.id)
	if err != nil {
		b.Fatal(err)
	}
	return e, sess
}
