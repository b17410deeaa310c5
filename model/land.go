package model

// Confidence of a legal fact, as in land_law.md.
type Confidence string

const (
	Confirmed  Confidence = "C" // confirmed from a source
	Partly     Confidence = "P" // partly confirmed
	Unverified Confidence = "U" // not verified
)

// Certain reports whether a fact may be shown without "bitte prüfen".
func (c Confidence) Certain() bool { return c == Confirmed }

// Fact is one legal statement with its confidence.
type Fact struct {
	Text       string
	Confidence Confidence
}

// LandLaw is the per-Land table of domain.md §6.
type LandLaw struct {
	Code      string // "NW"
	Name      string // "Nordrhein-Westfalen"
	CityState bool
	CityNote  string // for city-states: why the ranking does not apply as is
	Law       Fact   // name and abbreviation, e.g. "Gesetz über kommunale Gemeinschaftsarbeit (GkG NRW)"
	Abbrev    string // the law's abbreviation alone, e.g. "GkG NRW" ("" for city-states)
	// Per model: the paragraphs and the Land's own name of the form.
	Forms map[ModelID]LandForm
	// Approval: Genehmigung vs. Anzeige of the agreement.
	Approval Fact
}

// LandForm is how the Land's law calls and places one model.
type LandForm struct {
	Available  bool   // false: the form cannot exist in this Land (a knock-out, KnockOut.LandForm)
	Name       string // the Land's own name, e.g. "Zweckvereinbarung"
	Paragraphs Fact   // e.g. "§§ 23–26 GkG NRW"
	Note       Fact   // optional caveat that differs from the usual form (NI: procurement law); for !Available the reason
	Approval   Fact   // optional: Genehmigung or Anzeige for this form
}
