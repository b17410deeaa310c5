package model

// CatalogueVersion is the version of the catalogue (phases, guiding
// questions, quick-check items, profile questions). Bump it when anything
// changes; IDs never change meaning once released — a removed or renamed
// question gets a new ID and the old one is listed in RetiredIDs.
//
// Version 2 (issue 10) added profile options only: Träger kinds amt,
// verbandsgemeinde, samtgemeinde, schulverband; existing structures
// vereinbarung and netzwerk; clearer labels for umfang. Every version-1
// answer is still valid, so Upgrade keeps all of them as they are.
const CatalogueVersion = 2

// PhaseID identifies one of the three phases (H 4).
type PhaseID string

const (
	PhaseSondierung   PhaseID = "sondierung"
	PhaseRealisierung PhaseID = "realisierung"
	PhaseVerstetigung PhaseID = "verstetigung"
)

// Phase is one of the three phases with its guiding questions and quick-check items.
type Phase struct {
	ID         PhaseID
	Title      string // e.g. "Vorbereitung & Sondierung"
	Short      string // tab label, e.g. "Sondierung"
	Summary    string // one or two German sentences
	Source     string // e.g. "H 4.1"
	Groups     []QuestionGroup
	QuickItems []QuickItem
}

// QuestionGroup is a block of guiding questions from one section of the source.
type QuestionGroup struct {
	ID        string
	Title     string
	Source    string // e.g. "H 4.1.1"
	Questions []GuidingQuestion
}

// GuidingQuestion is a "Leitfrage", answered with a free-text note.
type GuidingQuestion struct {
	ID     string // stable, e.g. "s.bedarf.entlastung"
	Text   string // in our own German words
	Source string
}

// QuickItem is a quick-check success factor (H 5).
type QuickItem struct {
	ID     string // stable, e.g. "qc.s1"
	Text   string
	Hint   string // optional example in our words
	Source string
}

// QuickStatus is the status of a quick-check item.
type QuickStatus string

const (
	StatusOffen      QuickStatus = "offen"
	StatusInArbeit   QuickStatus = "in_arbeit"
	StatusErledigt   QuickStatus = "erledigt"
	StatusNichtRelev QuickStatus = "nicht_relevant"
)

// QuickStatuses in display order with German labels.
var QuickStatuses = []Option{
	{string(StatusOffen), "offen"},
	{string(StatusInArbeit), "in Arbeit"},
	{string(StatusErledigt), "erledigt"},
	{string(StatusNichtRelev), "nicht relevant"},
}
