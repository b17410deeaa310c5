package ui

import (
	"encoding/json"
)

// The accessible mode keeps the drafts of its multi-field forms (review,
// new measure, decision) where the tabs keep theirs – in the store, under
// the same keys, as the same JSON (session_drafts.go) – and writes them
// after every answer. An interrupted form loses nothing, and the tab
// continues what was typed here, and the other way round.

// loadDraft fills v from the draft under key; it reports whether there was one.
func (a *accessible) loadDraft(key string, v any) bool {
	_, found := openDraft(a.st, key, v)
	return found
}

// keepDraft writes v as the draft under key. A failed write is said, not
// hidden: the answer itself is still in the form.
func (a *accessible) keepDraft(key string, v any) {
	data, err := json.Marshal(v)
	if err == nil {
		err = a.st.PutDraft(key, data)
	}
	if err != nil {
		a.say("Entwurf nicht gespeichert: %v", err)
	}
}

// dropDraft removes the draft under key (the form was stored, or the user
// discarded it).
func (a *accessible) dropDraft(key string) {
	if err := a.st.DeleteDraft(key); err != nil {
		a.say("Entwurf nicht gelöscht: %v", err)
	}
}

// resumeDraft asks what to do with a stored draft of what: continue it
// (resume), or discard it after a second question and start anew; back:
// leave the form (offered when canGoBack).
func (a *accessible) resumeDraft(what, key string, canGoBack bool) (resume, back bool, err error) {
	a.say("Es gibt einen angefangenen Entwurf: %s.", what)
	labels := []string{"Entwurf fortsetzen (die bisherigen Antworten werden vor jeder Frage vorgelesen)", "Entwurf verwerfen und neu beginnen"}
	if canGoBack {
		labels = append(labels, choiceBack)
	}
	i, err := a.chooseFrom("Was möchten Sie tun? Enter setzt ihn fort.", labels, 0)
	switch {
	case err != nil:
		return false, true, err
	case i == 2:
		return false, true, nil
	case i == 0:
		return true, false, nil
	}
	j, err := a.chooseFrom("Entwurf wirklich verwerfen? Was darin steht, geht verloren.", []string{"Ja, verwerfen", "Nein, fortsetzen"}, 1)
	if err != nil {
		return false, true, err
	}
	if j != 0 {
		return true, false, nil
	}
	a.dropDraft(key)
	a.say("Entwurf verworfen.")
	a.say("")
	return false, false, nil
}
