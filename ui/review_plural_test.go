package ui

import (
	"strings"
	"testing"
)

// The Review list counts its snapshots in the dative: "Heute vergleichen
// mit 2 Ständen" (model.Plural, the one plural rule).
func TestReviewListCountsInDative(t *testing.T) {
	e := reviewedEnv(t)
	tb := newTestReviewTab(e, 100, 30)
	tb = e.send(tb, loadSnapshotsCmd(e.d, e.id)())
	if v := plain(tb); !strings.Contains(v, "2 Ständen") || strings.Contains(v, "2 Stände ") {
		t.Errorf("the snapshot count is not dative:\n%s", v)
	}
}
