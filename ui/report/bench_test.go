package report

import (
	"io"
	"testing"

	"ikz/model"
)

func BenchmarkMarkdown(b *testing.B) {
	d := fixtureData()
	for b.Loop() {
		if err := Markdown(io.Discard, d); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkHTML(b *testing.B) {
	d := fixtureData()
	for b.Loop() {
		if err := HTML(io.Discard, d); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkCompare(b *testing.B) {
	snaps := fixtureSnapshots()
	cur := fixtureSession()
	for b.Loop() {
		_ = model.Compare(snaps[1].Session, cur, fixedNow)
	}
}
