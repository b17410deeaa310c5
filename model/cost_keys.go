package model

import (
	"math/bits"
	"slices"
	"strings"
)

// CostKey is a key for sharing the joint cost among the partners.
type CostKey string

const (
	KeyEqual   CostKey = "gleich"
	KeySchools CostKey = "schulen"
	KeyPupils  CostKey = "schueler"
	KeyDevices CostKey = "geraete"
	KeyMixed   CostKey = "gemischt"
	KeyUsage   CostKey = "nutzung"
)

// CostKeys lists the keys in the order every table shows them.
var CostKeys = []CostKey{KeyEqual, KeySchools, KeyPupils, KeyDevices, KeyMixed, KeyUsage}

// Known reports whether k is one of CostKeys.
func (k CostKey) Known() bool { return slices.Contains(CostKeys, k) }

func costKeyList() string {
	s := make([]string, len(CostKeys))
	for i, k := range CostKeys {
		s[i] = string(k)
	}
	return strings.Join(s, ", ")
}

// Label names the key in tables; the devices key takes the group's own
// driver name.
func (k CostKey) Label(c CostSharing) string {
	switch k {
	case KeyEqual:
		return "gleiche Anteile"
	case KeySchools:
		return "nach Schulen"
	case KeyPupils:
		return "nach Schülerzahl"
	case KeyDevices:
		if strings.TrimSpace(c.DriverName) == "" {
			return "nach Geräten"
		}
		return "nach " + c.DriverLabel()
	case KeyMixed:
		return "Grundbetrag + " + strings.TrimPrefix(c.mixedDriver().Label(c), "nach ")
	case KeyUsage:
		return "nach Personentagen"
	}
	return string(k)
}

// Explain says in two short lines what the key does and when it fits.
func (k CostKey) Explain(c CostSharing) string {
	switch k {
	case KeyEqual:
		return "Jeder Partner trägt denselben Betrag.\nEinfach und auf Augenhöhe; passt, wenn die Partner etwa gleich groß sind."
	case KeySchools:
		return "Die Kosten folgen der Zahl der Schulen je Partner.\nPasst, wenn der Aufwand vor allem je Standort entsteht (Vor-Ort-Support, Netze)."
	case KeyPupils:
		return "Die Kosten folgen der Schülerzahl je Partner.\nPasst, wenn der Aufwand mit der Größe der Schulen wächst; Zahlen liegen aus der Schulstatistik vor."
	case KeyDevices:
		return "Die Kosten folgen der Zahl der " + c.DriverLabel() + " je Partner.\nPasst, wenn Betrieb und Support je Gerät anfallen; die Zahlen stehen im Inventar."
	case KeyMixed:
		return "Ein Grundbetrag wird zu gleichen Teilen getragen, der Rest " + c.mixedDriver().Label(c) + ".\nDeckt feste Kosten gemeinsam und variable nach Größe; der Anteil lässt sich so wählen, dass jeder gewinnt."
	case KeyUsage:
		return "Jeder zahlt die Personentage, die er abruft (wie im Serviceschein der Stadt Schwerin).\nVerursachungsgerecht; braucht eine Jahresplanung und Leistungsnachweise."
	}
	return ""
}

// mixedDriver is the driver of the variable part of the mixed key.
func (c CostSharing) mixedDriver() CostKey {
	if c.MixedDriver == "" || c.MixedDriver == KeyEqual || c.MixedDriver == KeyMixed {
		return KeyPupils
	}
	return c.MixedDriver
}

// personDayUnits turns person-days into hundredths, so that every driver
// is an integer and the split is exact.
func personDayUnits(d float64) uint64 { return uint64(d*100 + 0.5) }

// driverWeights are the partners' figures for a simple key; ok is false
// when every figure is 0 (nothing to share by).
func driverWeights(c CostSharing, k CostKey, w []uint64) bool {
	var sum uint64
	for i, p := range c.Partners {
		switch k {
		case KeyEqual:
			w[i] = 1
		case KeySchools:
			w[i] = uint64(max(p.Schools, 0))
		case KeyPupils:
			w[i] = uint64(max(p.Pupils, 0))
		case KeyDevices:
			w[i] = uint64(max(p.Devices, 0))
		case KeyUsage:
			w[i] = personDayUnits(max(p.PersonDays, 0))
		}
		sum += w[i]
	}
	return sum > 0
}

// mixedWeights combines a base fee of permille/1000 shared equally with
// the rest by the driver d: w_i = b·D + (1000−b)·N·d_i, all integers.
func mixedWeights(d []uint64, permille int, w []uint64) {
	var sum uint64
	for _, v := range d {
		sum += v
	}
	n := uint64(len(d))
	b := uint64(permille)
	for i, v := range d {
		w[i] = b*sum + (1000-b)*n*v
	}
}

// allocate splits total cents in proportion to the weights by the largest
// remainder method: the shares add up to total exactly, none is negative,
// a partner with weight 0 gets nothing, and ties go to the earlier partner.
// The arithmetic is exact (128-bit products). out must have len(w); it
// returns false when all weights are 0.
func allocate(total int64, w []uint64, out []int64, order []int) bool {
	var sum uint64
	for _, v := range w {
		sum += v
	}
	if sum == 0 || total < 0 {
		return false
	}
	rem := make([]uint64, len(w))
	var given int64
	for i, v := range w {
		hi, lo := bits.Mul64(uint64(total), v)
		q, r := bits.Div64(hi, lo, sum) // hi < sum because v ≤ sum
		out[i], rem[i] = int64(q), r
		given += int64(q)
	}
	left := total - given // < number of partners with weight > 0
	if left == 0 {
		return true
	}
	order = order[:0]
	for i := range w {
		if w[i] > 0 {
			order = append(order, i)
		}
	}
	slices.SortStableFunc(order, func(a, b int) int {
		switch {
		case rem[a] > rem[b]:
			return -1
		case rem[a] < rem[b]:
			return 1
		}
		return 0
	})
	for i := 0; left > 0; i = (i + 1) % len(order) {
		out[order[i]]++
		left--
	}
	return true
}

// MixedDriverKey is the driver of the mixed key's variable part (pupils
// unless the group chose another).
func (c CostSharing) MixedDriverKey() CostKey { return c.mixedDriver() }
