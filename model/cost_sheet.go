package model

import (
	"fmt"
	"math"
)

// JointCost is the yearly cost of the cooperation in cents; Total is the
// sum of the parts, so the table adds up.
type JointCost struct {
	Staff         int64 // VZÄ × cost rate
	Material      int64
	OneOffPerYear int64 // one-off costs spread over the term
	Overhead      int64 // share on staff and material for the lead or the new body
	Total         int64 // net of VAT
}

// PartnerCost is one partner's figures under one key, in cents per year.
// With VAT the yearly figures are those of a year with VAT (the worst
// year); the term figures count each year as it is.
type PartnerCost struct {
	Name       string
	Share      int64 // net share of the joint cost
	VAT        int64 // on the share, in a year with VAT
	Remaining  int64 // own cost that stays
	With       int64 // Share + VAT + Remaining
	Today      int64 // own cost today
	Saving     int64 // Today − With; negative = additional cost
	SavingPct  float64
	HasPct     bool // false when the partner has no own cost today
	SavingTerm int64
	// MeetsFunding: at least 15 % a year over at least 5 years.
	MeetsFunding bool
}

// KeyResult is the split of the joint cost under one key.
type KeyResult struct {
	Key          CostKey
	BasePermille int    // mixed key: base-fee share in tenths of a percent
	Unusable     string // why the key cannot be used (e.g. no pupil numbers); Partners is empty then
	Partners     []PartnerCost
	AllSave      bool    // every partner saves (more than 0 €)
	Losers       int     // partners that pay more than today
	Worst        float64 // the smallest partner's saving (see objective)
}

// BasePercent is the mixed key's base-fee share in percent.
func (r KeyResult) BasePercent() float64 { return float64(r.BasePermille) / 10 }

// CostSheet is the computed cost-sharing sheet.
type CostSheet struct {
	Years      int
	TaxedYears int // years of the term with VAT on the shares
	Joint      JointCost
	Keys       []KeyResult // in CostKeys order
	// BestBase is the base-fee share (‰) that lets the smallest partner
	// save the most; BestFound is false when the mixed key cannot be used.
	BestBase  int
	BestFound bool
	// AllSaveKeys are the keys under which every partner saves.
	AllSaveKeys []CostKey
	// Reference is the key the compensation is computed for: the chosen
	// one, or else the one whose smallest saving is largest.
	Reference    CostKey
	Compensation []Compensation // empty when nobody under Reference pays more than today
	// Shortfall > 0: the others' savings do not cover the compensation –
	// the cooperation costs more than today in total (cents per year).
	Shortfall int64
	// VATIfTaxable is what the partners would pay in VAT per year under
	// Reference if the exchange is taxable (shown while VAT is undecided).
	VATIfTaxable int64
	Hints        []string
}

// Compensation is a yearly payment between partners under the reference
// key: Amount > 0 is received, < 0 paid; the amounts add up to 0.
type Compensation struct {
	Name   string
	Amount int64
}

// Key returns the result for k.
func (s CostSheet) Key(k CostKey) (KeyResult, bool) {
	for _, r := range s.Keys {
		if r.Key == k {
			return r, true
		}
	}
	return KeyResult{}, false
}

// cents converts euro to cents, half away from zero.
func cents(v float64) int64 { return int64(math.Round(v * 100)) }

// vatOn is the VAT on a net amount in cents, half away from zero.
func vatOn(net int64) int64 { return (net*19 + 50) / 100 }

// Joint computes the yearly joint cost.
func (c CostSharing) Joint() JointCost {
	years := max(c.Years, 1)
	j := JointCost{
		Staff:         cents(c.StaffFTE * c.StaffRate),
		Material:      cents(c.Material),
		OneOffPerYear: int64(math.Round(c.OneOff * 100 / float64(years))),
	}
	j.Overhead = int64(math.Round(float64(j.Staff+j.Material) * c.OverheadPercent / 100))
	j.Total = j.Staff + j.Material + j.OneOffPerYear + j.Overhead
	return j
}

// TaxedYears is the number of years of the term with VAT on the shares:
// none unless VAT is switched on; from 2027 on (§ 2b UStG for everyone,
// the transitional rule of § 27 Abs. 22a UStG ends with 2026); every year
// when the start year is unknown.
func (c CostSharing) TaxedYears() int {
	if c.VAT != VATYes {
		return 0
	}
	if c.StartYear == 0 {
		return c.Years
	}
	first := max(c.StartYear, VATFirstYear)
	return max(0, min(c.StartYear+c.Years, first+c.Years)-first)
}

// calc holds what every key needs, converted once per Sheet.
type calc struct {
	c        CostSharing
	joint    int64
	years    int
	taxed    int // years with VAT
	vat      []bool
	today    []int64
	remain   []int64
	weights  []uint64
	driver   []uint64
	shares   []int64
	order    []int
	hasToday bool // some partner has own costs today: compare in %
}

func newCalc(c CostSharing, taxed int) *calc {
	n := len(c.Partners)
	k := &calc{c: c, joint: c.Joint().Total, years: max(c.Years, 1), taxed: taxed,
		vat: make([]bool, n), today: make([]int64, n), remain: make([]int64, n),
		weights: make([]uint64, n), driver: make([]uint64, n), shares: make([]int64, n), order: make([]int, 0, n)}
	for i, p := range c.Partners {
		k.today[i] = cents(p.TodayTotal())
		k.remain[i] = cents(p.RemainingWith)
		k.vat[i] = taxed > 0 && p.Name != c.Lead
		k.hasToday = k.hasToday || k.today[i] > 0
	}
	return k
}

// split fills k.shares for key; permille is used by the mixed key.
func (k *calc) split(key CostKey, permille int) bool {
	if len(k.c.Partners) == 0 {
		return false
	}
	if key == KeyMixed {
		if !driverWeights(k.c, k.c.mixedDriver(), k.driver) {
			if permille != 1000 {
				return false
			}
		}
		mixedWeights(k.driver, permille, k.weights)
	} else if !driverWeights(k.c, key, k.weights) {
		return false
	}
	return allocate(k.joint, k.weights, k.shares, k.order)
}

// worst is the smallest partner's saving for the current shares: in
// percent of its own cost today (so that large and small partners
// compare), over the partners that have own costs; in euro when nobody
// has.
func (k *calc) worst() float64 {
	w := math.Inf(1)
	for i, s := range k.shares {
		with := s + k.remain[i]
		if k.vat[i] {
			with += vatOn(s)
		}
		switch {
		case !k.hasToday:
			w = min(w, float64(k.today[i]-with)/100)
		case k.today[i] > 0:
			w = min(w, float64(k.today[i]-with)/float64(k.today[i])*100)
		}
	}
	return w
}

// result turns k.shares into a KeyResult.
func (k *calc) result(key CostKey, permille int) KeyResult {
	r := KeyResult{Key: key, BasePermille: permille, Partners: make([]PartnerCost, len(k.shares)), AllSave: true}
	for i, s := range k.shares {
		p := PartnerCost{Name: k.c.Partners[i].Name, Share: s, Remaining: k.remain[i], Today: k.today[i]}
		if k.vat[i] {
			p.VAT = vatOn(s)
		}
		p.With = p.Share + p.VAT + p.Remaining
		p.Saving = p.Today - p.With
		untaxed := p.Today - p.Share - p.Remaining
		p.SavingTerm = p.Saving*int64(k.taxed) + untaxed*int64(k.years-k.taxed)
		if p.Today > 0 {
			p.HasPct = true
			p.SavingPct = float64(p.Saving) / float64(p.Today) * 100
		}
		// compare in hundredths so that 15,00 % passes
		p.MeetsFunding = p.HasPct && math.Round(p.SavingPct*100) >= FundingMinSavingsPercent*100 && k.c.Years >= FundingMinYears
		if p.Saving <= 0 {
			r.AllSave = false
		}
		if p.Saving < 0 {
			r.Losers++
		}
		r.Partners[i] = p
	}
	r.Worst = k.worst()
	return r
}

// Sheet computes every key, the best mixed key, the compensation and the
// hints. Call Validate first; Sheet never panics on invalid input but its
// figures mean nothing then.
func (c CostSharing) Sheet() CostSheet {
	taxed := c.TaxedYears()
	k := newCalc(c, taxed)
	s := CostSheet{Years: c.Years, TaxedYears: taxed, Joint: c.Joint()}
	s.BestBase, s.BestFound = k.bestBase()
	for _, key := range CostKeys {
		permille := 0
		if key == KeyMixed {
			permille = s.BestBase
			if c.MixedBase != nil {
				permille = int(math.Round(*c.MixedBase * 10))
			}
		}
		if !k.split(key, permille) {
			s.Keys = append(s.Keys, KeyResult{Key: key, BasePermille: permille, Unusable: unusableReason(c, key)})
			continue
		}
		r := k.result(key, permille)
		if r.AllSave {
			s.AllSaveKeys = append(s.AllSaveKeys, key)
		}
		s.Keys = append(s.Keys, r)
	}
	s.Reference = s.reference(c.Chosen)
	if ref, ok := s.Key(s.Reference); ok && ref.Unusable == "" {
		s.Compensation, s.Shortfall = compensate(ref)
		if c.VAT == VATAsk {
			for i, p := range ref.Partners {
				if c.Partners[i].Name != c.Lead {
					s.VATIfTaxable += vatOn(p.Share)
				}
			}
		}
	}
	s.Hints = c.hints(s)
	return s
}

// reference is the chosen key if it can be used, else the key whose
// smallest saving is largest (earlier keys win ties).
func (s CostSheet) reference(chosen CostKey) CostKey {
	if r, ok := s.Key(chosen); ok && r.Unusable == "" {
		return chosen
	}
	var best CostKey
	bestWorst := math.Inf(-1)
	for _, r := range s.Keys {
		if r.Unusable == "" && r.Worst > bestWorst {
			best, bestWorst = r.Key, r.Worst
		}
	}
	return best
}

func unusableReason(c CostSharing, k CostKey) string {
	if len(c.Partners) == 0 {
		return "noch keine Partner eingetragen"
	}
	what := map[CostKey]string{KeySchools: "Schulzahlen", KeyPupils: "Schülerzahlen", KeyDevices: "Zahlen für „" + c.DriverLabel() + "“", KeyUsage: "Personentage"}
	if k == KeyMixed {
		k = c.mixedDriver()
	}
	return "es fehlen die " + what[k] + " – bitte für die Partner eintragen"
}

// compensate lets the partners that pay more than today break even, paid
// by the partners that save, in proportion to their savings (cents, exact).
func compensate(r KeyResult) ([]Compensation, int64) {
	var need int64
	gains := make([]uint64, len(r.Partners))
	var gain int64
	for i, p := range r.Partners {
		if p.Saving < 0 {
			need -= p.Saving
		} else {
			gains[i] = uint64(p.Saving)
			gain += p.Saving
		}
	}
	if need == 0 {
		return nil, 0
	}
	if gain < need {
		return nil, need - gain
	}
	pay := make([]int64, len(r.Partners))
	allocate(need, gains, pay, nil)
	out := make([]Compensation, 0, len(r.Partners))
	for i, p := range r.Partners {
		switch {
		case p.Saving < 0:
			out = append(out, Compensation{Name: p.Name, Amount: -p.Saving})
		case pay[i] > 0:
			out = append(out, Compensation{Name: p.Name, Amount: -pay[i]})
		}
	}
	return out, 0
}

// hints explain the assumptions a council must know about.
func (c CostSharing) hints(s CostSheet) []string {
	var h []string
	switch c.VAT {
	case VATAsk:
		h = append(h, fmt.Sprintf("Umsatzsteuer noch offen: Ab 2027 gilt § 2b UStG für alle Kommunen. Ist der Leistungsaustausch steuerbar, kämen beim Schlüssel „%s“ bis zu %s im Jahr hinzu – bitte mit der Kämmerei prüfen (z. B. § 2b Abs. 3 Nr. 2 UStG).",
			s.Reference.Label(c), FormatCents(s.VATIfTaxable)))
	case VATYes:
		switch {
		case c.StartYear == 0:
			h = append(h, "Umsatzsteuer: 19 % auf die Anteile in allen Jahren gerechnet (Beginn der Kooperation nicht eingetragen).")
		case s.TaxedYears < c.Years:
			h = append(h, fmt.Sprintf("Umsatzsteuer: 19 %% auf die Anteile erst ab 2027 (Übergangsregel § 27 Abs. 22a UStG bis Ende 2026) – %d von %d Jahren; die Jahreswerte zeigen ein Jahr mit Umsatzsteuer.", s.TaxedYears, c.Years))
		default:
			h = append(h, "Umsatzsteuer: 19 % auf die Anteile (§ 2b UStG).")
		}
		if c.Lead != "" {
			h = append(h, fmt.Sprintf("%s erbringt die Leistung und zahlt keine Umsatzsteuer an sich selbst.", SafeLine(c.Lead)))
		}
	case VATNo:
		h = append(h, "Ohne Umsatzsteuer gerechnet – die Gründe (z. B. § 2b Abs. 3 Nr. 2 UStG) bitte im Vertrag und für das Finanzamt festhalten.")
	}
	if c.Years < FundingMinYears {
		h = append(h, FundingHint)
	}
	if s.Shortfall > 0 {
		h = append(h, fmt.Sprintf("Die Kooperation kostet alle Partner zusammen %s im Jahr mehr als heute: Kein Schlüssel und kein Ausgleich lässt jeden sparen. Nutzen wie Ausfallsicherheit oder Servicequalität bitte gesondert begründen.", FormatCents(s.Shortfall)))
	}
	return h
}

// FormatCents formats an amount in cents the German way: 12.345,67 €.
func FormatCents(c int64) string {
	neg := c < 0
	if neg {
		c = -c
	}
	s := formatNumber(float64(c/100), 0) + fmt.Sprintf(",%02d €", c%100)
	if neg {
		s = "-" + s
	}
	return s
}
