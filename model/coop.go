package model

// ModelID identifies one of the five cooperation models (domain.md §3).
type ModelID string

const (
	Informell                ModelID = "informell"
	VereinbarungMandatierend ModelID = "vereinbarung_mandatierend"
	VereinbarungDelegierend  ModelID = "vereinbarung_delegierend"
	Zweckverband             ModelID = "zweckverband"
	AoeR                     ModelID = "aoer"
)

// ModelIDs in catalogue order (the tie-break order of the ranking).
var ModelIDs = []ModelID{Informell, VereinbarungMandatierend, VereinbarungDelegierend, Zweckverband, AoeR}

// CoopModel describes one cooperation model.
type CoopModel struct {
	ID          ModelID
	Name        string // German name
	Short       string // short German name for narrow screens and bars
	Description string // two or three German sentences in our words
	Source      string
	Governance  Governance
	Checklist   []CheckItem // preconditions (domain.md §7), each to be checked
}

// Governance is the steering template offered for a model.
type Governance struct {
	Title  string
	Source string
	Bodies []GovernanceBody
}

// GovernanceBody is one body or mechanism of a governance template.
type GovernanceBody struct {
	Name    string // e.g. "Steuerkreis"
	Purpose string
	Rhythm  string // e.g. "höchstens zwei Regeltermine im Jahr"
}

// CheckItem is a precondition to check before choosing a formal model.
type CheckItem struct {
	ID     string
	Text   string
	Source string // e.g. "§ 108 Abs. 6 GWB"
}
