package ui

import (
	"testing"

	"ikz/model"
)

// BenchmarkWorkshopChange is what every watching screen does when another
// connection saves: take the re-read session, recompute the consensus and
// draw the frame (100x30, facilitator on a quick-check item, 15
// municipalities). With 29 watchers on 2 cores this work, 29 times,
// bounds the key→screen latency (BenchmarkServeKeyToScreen).
func BenchmarkWorkshopChange(b *testing.B) {
	e := roomOf15(&testing.T{})
	d := e.d
	d.workshop = true
	m, _ := newSessionModel(d, e.sess())
	m.SetSize(100, 30)
	m.Update(shKey("G"))
	sess := e.sess()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		s := *sess
		s.QuickCheck = map[string]model.QuickEntry{"qc.s1": {Status: model.QuickStatus(model.QuickStatuses[i%len(model.QuickStatuses)].Value)}}
		m.sessionChanged(&s)
		_ = m.View()
	}
}
