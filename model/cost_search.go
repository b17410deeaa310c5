package model

import "math"

// BaseSteps is the resolution of the mixed key's base-fee share: tenths
// of a percent (0 … 1000 ‰), fine enough for a Satzung.
const BaseSteps = 1000

// bestBase finds the base-fee share of the mixed key that lets the
// smallest partner save the most.
//
// Without rounding every partner's saving is linear in the share, so the
// smallest saving is concave: a ternary search finds its maximum. Cent
// rounding moves the exact value by a cent or so; the exact neighbours of
// the continuous optimum (and both ends) are therefore compared as they
// are computed for the table. TestBestBaseMatchesBruteForce checks the
// result against all 1001 shares.
func (k *calc) bestBase() (int, bool) {
	n := len(k.c.Partners)
	if n == 0 || !driverWeights(k.c, k.c.mixedDriver(), k.driver) {
		return 0, false
	}
	var sum float64
	for _, d := range k.driver {
		sum += float64(d)
	}
	// slope and intercept of each partner's share in cents per ‰
	j := float64(k.joint)
	f := func(b float64) float64 {
		w := math.Inf(1)
		for i, d := range k.driver {
			share := j * (b/(BaseSteps*float64(n)) + (BaseSteps-b)*float64(d)/(BaseSteps*sum))
			with := share + float64(k.remain[i])
			if k.vat[i] {
				with += share * VATRate
			}
			switch {
			case !k.hasToday:
				w = min(w, float64(k.today[i])-with)
			case k.today[i] > 0:
				w = min(w, (float64(k.today[i])-with)/float64(k.today[i]))
			}
		}
		return w
	}
	lo, hi := 0.0, float64(BaseSteps)
	for hi-lo > 0.5 {
		m1, m2 := lo+(hi-lo)/3, hi-(hi-lo)/3
		if f(m1) < f(m2) {
			lo = m1
		} else {
			hi = m2
		}
	}
	mid := int(math.Round((lo + hi) / 2))
	best, bestWorst := -1, math.Inf(-1)
	try := func(b int) {
		if b < 0 || b > BaseSteps || !k.split(KeyMixed, b) {
			return
		}
		if w := k.worst(); w > bestWorst || (w == bestWorst && b < best) {
			best, bestWorst = b, w
		}
	}
	for b := mid - 3; b <= mid+3; b++ {
		try(b)
	}
	try(0)
	try(BaseSteps)
	return best, best >= 0
}
