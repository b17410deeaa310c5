package ui

import (
	"slices"
	"testing"

	"ikz/model"
)

func TestPlaces(t *testing.T) {
	ms := func(raw int, excluded bool) model.ModelScore { return model.ModelScore{Raw: raw, Excluded: excluded} }
	for _, tc := range []struct {
		name    string
		ranking []model.ModelScore
		want    []int
	}{
		{"no ties", []model.ModelScore{ms(9, false), ms(5, false), ms(1, false)}, []int{1, 2, 3}},
		{"tie at the top", []model.ModelScore{ms(9, false), ms(9, false), ms(1, false)}, []int{1, 1, 3}},
		{"tie in the middle", []model.ModelScore{ms(9, false), ms(5, false), ms(5, false), ms(5, false), ms(0, false)}, []int{1, 2, 2, 2, 5}},
		{"excluded last, even with equal points", []model.ModelScore{ms(4, false), ms(4, true), ms(2, true)}, []int{1, 0, 0}},
		{"empty", nil, []int{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := places(tc.ranking); !slices.Equal(got, tc.want) {
				t.Errorf("places = %v, want %v", got, tc.want)
			}
		})
	}
}
