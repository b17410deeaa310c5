package model

import "time"

// Session is one quick check of a Schulträger team or a workshop.
type Session struct {
	ID               string                   `json:"id"`
	Title            string                   `json:"title"`
	Traeger          string                   `json:"traeger"` // name of the Schulträger
	Participants     []Participant            `json:"participants,omitempty"`
	Municipalities   []string                 `json:"municipalities,omitempty"` // participating municipalities (free text)
	Profile          Profile                  `json:"profile"`
	Notes            map[string]string        `json:"notes,omitempty"`       // guiding question ID → note
	QuickCheck       map[string]QuickEntry    `json:"quick_check,omitempty"` // quick item ID → status
	Retired          map[string]RetiredAnswer `json:"retired,omitempty"`     // answers to questions no longer in the catalogue
	Created          time.Time                `json:"created"`
	Updated          time.Time                `json:"updated"`
	CatalogueVersion int                      `json:"catalogue_version"`
	Measures         []Measure                `json:"measures,omitempty"`
	Decisions        []Decision               `json:"decisions,omitempty"` // history, oldest first; the last one is current
	Reviews          []Review                 `json:"reviews,omitempty"`
	Efficiency       *Efficiency              `json:"efficiency,omitempty"`
	Costs            *CostSharing             `json:"costs,omitempty"`    // who pays what, see cost.go
	Workshop         *WorkshopState           `json:"workshop,omitempty"` // facilitation state (consensus_facilitation.go)
}

// Land returns the session's Bundesland code ("" if unanswered).
func (s *Session) Land() string { v, _ := s.Profile.Choice("bundesland"); return v }

// Participant is one municipality taking part (workshop mode fills Profile).
type Participant struct {
	ID         string                 `json:"id"`
	Name       string                 `json:"name"`
	Profile    Profile                `json:"profile,omitempty"`
	QuickCheck map[string]QuickStatus `json:"quick_check,omitempty"`
	// Absent: marked absent by the facilitator; left out of the consensus.
	Absent bool `json:"absent,omitempty"`
	// Comments: a short comment per answer (profile key or quick item ID).
	Comments map[string]string `json:"comments,omitempty"`
}

// QuickEntry is the status and note of one quick-check item.
type QuickEntry struct {
	Status QuickStatus `json:"status"`
	Note   string      `json:"note,omitempty"`
}

// RetiredAnswer keeps an answer whose question was removed or renamed in a
// later catalogue version: never dropped, shown as "nicht mehr im Katalog".
type RetiredAnswer struct {
	Kind  string `json:"kind"` // "profile", "note" or "quick"
	Value string `json:"value"`
	Since int    `json:"since_catalogue"`
	Note  string `json:"note,omitempty"`
	// Reason says in German why the answer was retired.
	Reason string `json:"reason,omitempty"`
	// Participant is set for a participant's answer (key "participant/oldID").
	Participant string `json:"participant,omitempty"`
}

// MeasureStatus of a SMART measure.
type MeasureStatus string

const (
	MeasureGeplant   MeasureStatus = "geplant"
	MeasureLaufend   MeasureStatus = "laufend"
	MeasureErledigt  MeasureStatus = "erledigt"
	MeasureVerworfen MeasureStatus = "verworfen"
)

// Measure is a SMART measure (H 4.2.2).
type Measure struct {
	ID          string        `json:"id"`
	Title       string        `json:"title"`
	Responsible string        `json:"responsible"`
	Indicator   string        `json:"indicator"`
	Due         string        `json:"due"` // ISO date 2006-01-02
	Status      MeasureStatus `json:"status"`
	Phase       PhaseID       `json:"phase,omitempty"`
}

// Decision is the model the group actually chose, with its reason.
type Decision struct {
	Model  ModelID   `json:"model"`
	Reason string    `json:"reason"`
	At     time.Time `json:"at"`
	// Computed is the top model at decision time, for the record.
	Computed ModelID `json:"computed,omitempty"`
	// Body is the body that decided ("Gremium": Kreistag, Lenkungsgruppe …).
	Body string `json:"body,omitempty"`
	// Void marks a decision recorded by mistake ("irrtümlich erfasst"):
	// kept in the history, struck through, never in force.
	Void bool `json:"void,omitempty"`
}

// Review is one evaluation at Verstetigung time (H 4.3), pointing at a snapshot.
type Review struct {
	ID           string            `json:"id"`
	At           time.Time         `json:"at"`
	Participants []string          `json:"participants,omitempty"`
	Answers      map[string]string `json:"answers,omitempty"` // evaluation question ID → answer
	SnapshotID   string            `json:"snapshot_id,omitempty"`
}

// Efficiency is the efficiency sheet: yearly costs today and with the cooperation.
type Efficiency struct {
	Years int `json:"years"`
	// Costs in euro per year.
	PersonnelNow  float64 `json:"personnel_now"`
	PersonnelWith float64 `json:"personnel_with"`
	MaterialNow   float64 `json:"material_now"`
	MaterialWith  float64 `json:"material_with"`
	OneOffWith    float64 `json:"one_off_with"`          // spread over Years
	OneOffNow     float64 `json:"one_off_now,omitempty"` // e.g. an own replacement planned anyway; spread over Years
	// Staff in full-time equivalents (VZÄ), shown for information only.
	StaffNow  float64 `json:"staff_now,omitempty"`
	StaffWith float64 `json:"staff_with,omitempty"`
}
