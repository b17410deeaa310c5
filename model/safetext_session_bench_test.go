package model_test

import (
	"testing"
	"time"

	"ikz/model"
	"ikz/model/modeltest"
)

// CleanSession runs on every read and write of a session (the live
// workshop re-reads on every change), so it must stay cheap for clean text.
func BenchmarkCleanSession(b *testing.B) {
	s := modeltest.HostileSession(time.Now())
	model.CleanSession(s)
	b.ReportAllocs()
	for b.Loop() {
		model.CleanSession(s)
	}
}
