package store

import (
	"encoding/json"
	"testing"
	"time"

	"ikz/model"
	"ikz/model/modeltest"
)

// Text stored before the sanitising rule (or by an older version) is
// cleaned when it is read, and put cleans what it writes.
func TestDecodeAndPutClean(t *testing.T) {
	s, _ := openTemp(t, newClock())
	raw, err := json.Marshal(modeltest.HostileSession(time.Now()))
	if err != nil {
		t.Fatal(err)
	}
	sess, err := s.decode("", raw)
	if err != nil {
		t.Fatal(err)
	}
	if model.CleanSession(sess) != 0 {
		t.Error("decode left unsafe text")
	}
	dirty := modeltest.HostileSession(time.Now())
	if err := s.Create(dirty); err != nil {
		t.Fatal(err)
	}
	if model.CleanSession(dirty) != 0 {
		t.Error("put kept unsafe text")
	}
}
