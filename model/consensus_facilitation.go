package model

import (
	"fmt"
	"strings"
)

// WorkshopState is how the facilitator runs the room: answers hidden
// until revealed (blind mode), questions locked once discussed, the
// question the room is on, and the reasons for joint answers. Items are
// named by profile key or quick-check item ID (the two never collide:
// item IDs contain a dot).
type WorkshopState struct {
	// Blind hides the other municipalities' answers and the joint answer
	// from participants until the facilitator reveals the question.
	Blind    bool            `json:"blind,omitempty"`
	Revealed map[string]bool `json:"revealed,omitempty"`
	// Locked questions take no more answers from participants.
	Locked map[string]bool `json:"locked,omitempty"`
	// Current is the question the room is on ("" none); participants
	// who follow see it.
	Current string `json:"current,omitempty"`
	// Reasons: why the joint answer was chosen, per item.
	Reasons map[string]string `json:"reasons,omitempty"`
}

// state returns the workshop state, creating it.
func (s *Session) state() *WorkshopState {
	if s.Workshop == nil {
		s.Workshop = &WorkshopState{}
	}
	return s.Workshop
}

// Hidden reports whether participants must not see the others' answers
// to key yet.
func (s *Session) Hidden(key string) bool {
	return s.Workshop != nil && s.Workshop.Blind && !s.Workshop.Revealed[key]
}

// Locked reports whether key takes no more answers from participants.
func (s *Session) Locked(key string) bool {
	return s.Workshop != nil && s.Workshop.Locked[key]
}

// Current is the question the room is on ("" none).
func (s *Session) Current() string {
	if s.Workshop == nil {
		return ""
	}
	return s.Workshop.Current
}

// Reason is the facilitator's reason for the joint answer to key.
func (s *Session) Reason(key string) string {
	if s.Workshop == nil {
		return ""
	}
	return s.Workshop.Reasons[key]
}

// SetBlind switches blind mode. Switching it on hides every question
// again that was revealed before.
func (s *Session) SetBlind(on bool) {
	st := s.state()
	st.Blind = on
	if on {
		st.Revealed = nil
	}
}

// Reveal shows (or hides again) the answers to key in blind mode.
func (s *Session) Reveal(key string, on bool) error {
	if err := checkItemKey(key); err != nil {
		return err
	}
	st := s.state()
	if st.Revealed == nil {
		st.Revealed = map[string]bool{}
	}
	setFlag(st.Revealed, key, on)
	return nil
}

// Lock closes (or opens again) key for participants' answers.
func (s *Session) Lock(key string, on bool) error {
	if err := checkItemKey(key); err != nil {
		return err
	}
	st := s.state()
	if st.Locked == nil {
		st.Locked = map[string]bool{}
	}
	setFlag(st.Locked, key, on)
	return nil
}

// SetCurrent makes key the question the room is on ("" none).
func (s *Session) SetCurrent(key string) error {
	if key != "" {
		if err := checkItemKey(key); err != nil {
			return err
		}
	}
	s.state().Current = key
	return nil
}

// SetReason stores why the joint answer to key was chosen; "" removes it.
func (s *Session) SetReason(key, text string) error {
	if err := checkItemKey(key); err != nil {
		return err
	}
	text, err := shortText(text)
	if err != nil {
		return err
	}
	st := s.state()
	if st.Reasons == nil {
		st.Reasons = map[string]string{}
	}
	if text == "" {
		delete(st.Reasons, key)
		return nil
	}
	st.Reasons[key] = text
	return nil
}

func setFlag(m map[string]bool, key string, on bool) {
	if on {
		m[key] = true
	} else {
		delete(m, key)
	}
}

func lockedError(key string) error {
	label := key
	if q, ok := ProfileQuestionByKey(key); ok {
		label = q.Label
	} else if it, _, ok := QuickItemByID(key); ok {
		label = it.Text
	}
	return &FieldError{Field: "Workshop", Msg: fmt.Sprintf("„%s“ ist gesperrt – die Moderation hat die Antworten dazu geschlossen", strings.TrimSpace(label))}
}
