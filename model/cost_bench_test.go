package model

import (
	"math/rand/v2"
	"testing"
)

// BenchmarkCostSheet50 is one recompute of the cost tab after a
// keystroke: 50 partners, all six keys, the best mixed key and the
// compensation. The issue asks for less than 1 ms.
func BenchmarkCostSheet50(b *testing.B) {
	c := randomSheet(rand.New(rand.NewPCG(5, 6)), 50)
	c.VAT, c.StartYear = VATYes, 2026
	b.ReportAllocs()
	for b.Loop() {
		_ = c.Sheet()
	}
}
