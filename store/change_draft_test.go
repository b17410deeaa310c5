package store

import (
	"testing"

	"ikz/model"
)

// CreateFromDraft creates the session and removes its draft together; a
// session that cannot be created leaves the draft where it was.
func TestCreateFromDraft(t *testing.T) {
	s, _ := openTemp(t, newClock())
	const key = "new-session"
	draft := []byte(`{"form":{"Title":"Kooperation"}}`)
	if err := s.PutDraft(key, draft); err != nil {
		t.Fatal(err)
	}

	if err := s.CreateFromDraft(&model.Session{Title: "  "}, key); err == nil {
		t.Fatal("a session without a title was created")
	}
	if got, err := s.Draft(key); err != nil || string(got) != string(draft) {
		t.Fatalf("after a refused creation the draft is %q (%v)", got, err)
	}
	if list, _ := s.List(); len(list) != 0 {
		t.Fatalf("a refused creation left %d sessions", len(list))
	}

	sess := &model.Session{Title: "Kooperation"}
	if err := s.CreateFromDraft(sess, key); err != nil {
		t.Fatal(err)
	}
	if sess.ID == "" {
		t.Error("no ID assigned")
	}
	if got, err := s.Draft(key); err != nil || got != nil {
		t.Errorf("the draft outlived its session: %q (%v)", got, err)
	}
	if got, err := s.Get(sess.ID); err != nil || got.Title != "Kooperation" {
		t.Errorf("stored: %+v (%v)", got, err)
	}
	// Another form's draft is not touched.
	if err := s.PutDraft(sess.ID+"/review", []byte(`{}`)); err != nil {
		t.Fatal(err)
	}
	if err := s.CreateFromDraft(&model.Session{Title: "Zweite"}, key); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Draft(sess.ID + "/review"); got == nil {
		t.Error("creating removed another form's draft")
	}
}
