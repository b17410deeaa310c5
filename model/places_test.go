package model

import (
	"slices"
	"testing"
)

func TestPlaces(t *testing.T) {
	ms := func(raw int, excluded bool) ModelScore { return ModelScore{Raw: raw, Excluded: excluded} }
	for _, tc := range []struct {
		name    string
		ranking []ModelScore
		want    []int
	}{
		{"no ties", []ModelScore{ms(9, false), ms(5, false), ms(1, false)}, []int{1, 2, 3}},
		{"tie at the top", []ModelScore{ms(9, false), ms(9, false), ms(1, false)}, []int{1, 1, 3}},
		{"tie in the middle", []ModelScore{ms(9, false), ms(5, false), ms(5, false), ms(5, false), ms(0, false)}, []int{1, 2, 2, 2, 5}},
		{"excluded last, even with equal points", []ModelScore{ms(4, false), ms(4, true), ms(2, true)}, []int{1, 0, 0}},
		{"empty", nil, []int{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := Places(tc.ranking); !slices.Equal(got, tc.want) {
				t.Errorf("places = %v, want %v", got, tc.want)
			}
		})
	}
}
