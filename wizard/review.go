package wizard

import (
	"fmt"
	"strings"
	"time"

	"github.com/charmbracelet/huh"

	"ikz/model"
)

// Field keys of the review form; the evaluation answers use the IDs of
// model.EvaluationQuestions.
const (
	ReviewDate         = "date"
	ReviewParticipants = "participants"
)

// reviewHints are the examples the empty fields show (placeholders).
var reviewHints = map[string]string{
	ReviewDate:         "TT.MM.JJJJ",
	ReviewParticipants: "Namen oder Rollen, mit Komma getrennt – z. B. Landrätin, IT-Leitungen, Schulamt",
}

// ReviewHint is the example for the review field with key ("" for the
// evaluation questions); the accessible mode reads it out before the
// question, where huh shows no placeholder.
func ReviewHint(key string) string { return reviewHints[key] }

// ReviewDraft is what the review form edits. The form writes through
// pointers: keep the draft on the heap for as long as the form lives.
type ReviewDraft struct {
	Date         string
	Participants string
	Answers      []string // one per model.EvaluationQuestions

	today time.Time // a review records what was: a later date is refused
}

// NewReviewDraft proposes today's date, in today's time zone.
func NewReviewDraft(today time.Time) *ReviewDraft {
	return &ReviewDraft{Date: today.Format(model.GermanDateLayout), Answers: make([]string, len(model.EvaluationQuestions)), today: today}
}

// ReviewFields builds the fields of a review (H 4.3) bound to d: the
// date, the participants and one answer per evaluation question.
func ReviewFields(d *ReviewDraft) []huh.Field {
	fields := []huh.Field{
		huh.NewInput().Key(ReviewDate).Title("Datum des Reviews").Placeholder(reviewHints[ReviewDate]).
			Validate(d.validateDate).Value(&d.Date),
		huh.NewInput().Key(ReviewParticipants).Title("Teilnehmende").
			Placeholder(reviewHints[ReviewParticipants]).
			Value(&d.Participants),
	}
	for i, q := range model.EvaluationQuestions {
		fields = append(fields, huh.NewText().Key(q.ID).Title(q.Text).
			Placeholder("Antwort in Stichworten (alt+enter: neue Zeile)").
			CharLimit(0).ExternalEditor(false).Lines(2).Value(&d.Answers[i]))
	}
	return fields
}

// Review turns the draft into a model.Review with id, and returns the
// label of the snapshot that goes with it. now is the current time in the
// zone the date was typed in: a review dated today keeps the time, so that
// two reviews of one day stay in order.
func (d *ReviewDraft) Review(id string, now time.Time) (model.Review, string, error) {
	day, err := model.ParseDate(d.Date)
	if err != nil {
		return model.Review{}, "", err
	}
	at := day
	if now.Year() == day.Year() && now.YearDay() == day.YearDay() {
		at = now
	}
	r := model.Review{ID: id, At: at.UTC(), Participants: SplitList(d.Participants), Answers: map[string]string{}}
	for i, q := range model.EvaluationQuestions {
		if a := strings.TrimSpace(d.Answers[i]); a != "" {
			r.Answers[q.ID] = a
		}
	}
	return r, "Review " + day.Format(model.GermanDateLayout), nil
}

// NewReviewID returns an ID no review in rs has.
func NewReviewID(rs []model.Review) string {
	used := make(map[string]bool, len(rs))
	for _, r := range rs {
		used[r.ID] = true
	}
	return FreeID("r", len(rs)+1, used)
}

// validateDate takes a real date that is not in the future: a review holds
// what a meeting found, so a later date is a typo.
func (d *ReviewDraft) validateDate(s string) error {
	if err := ValidateDateAs("Datum des Reviews")(s); err != nil {
		return err
	}
	day, err := model.ParseDate(s)
	if err == nil && !d.today.IsZero() && day.After(d.today) {
		return fmt.Errorf("%s liegt in der Zukunft – ein Review hält fest, was war; bitte das Datum der Sitzung eingeben", s)
	}
	return nil
}
