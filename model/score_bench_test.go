package model

import "testing"

// BenchmarkScore scores a fully answered profile, flip-point search included
// (target: well under 100 µs/op).
func BenchmarkScore(b *testing.B) {
	p := scFullProfile()
	b.ReportAllocs()
	for b.Loop() {
		if Score(p).Top() == "" {
			b.Fatal("no top model")
		}
	}
}

// BenchmarkScoreWithoutSensitivity shows the share of the flip-point search.
func BenchmarkScoreWithoutSensitivity(b *testing.B) {
	p := scFullProfile()
	b.ReportAllocs()
	for b.Loop() {
		if score(p).Top() == "" {
			b.Fatal("no top model")
		}
	}
}
