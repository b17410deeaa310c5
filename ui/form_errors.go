package ui

import (
	"strings"

	"github.com/charmbracelet/huh"
)

// formErrLines is the most room a form's validation messages take.
const formErrLines = 2

// formErrors renders a form's validation messages wrapped to w, at most
// maxLines lines, "" when there are none. huh would put them below the
// form, where a form that fills its box has no room left.
func formErrors(st *Styles, f *huh.Form, w, maxLines int) string {
	var msgs []string
	for _, err := range f.Errors() {
		msgs = append(msgs, err.Error())
	}
	if len(msgs) == 0 {
		return ""
	}
	return fit(para(st.Error, "✗ "+strings.Join(msgs, " · "), w), w, maxLines)
}
