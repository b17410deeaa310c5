package store

import (
	"bufio"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"ikz/model"
)

const crashEnv = "IKZ_CRASH_TEST_DB"

// crashSessions is how many sessions the child writes to in turn.
const crashSessions = 3

// crashOp is save number i of the child: which session, which kind of
// answer, which question, and the value (i itself, so that it can be read back).
func crashOp(i int) (session int, kind, key string) {
	notes, quick := model.AllGuidingQuestionIDs(), model.AllQuickItemIDs()
	session = i % crashSessions
	switch (i / crashSessions) % 3 {
	case 0:
		return session, "answer", "partner_anzahl"
	case 1:
		return session, "note", notes[(i/9)%len(notes)]
	default:
		return session, "quick", quick[(i/9)%len(quick)]
	}
}

// TestCrashChild is the child process of TestCrashKeepsAcknowledgedSaves:
// it saves answers in a loop and prints "ack N" after each save returned.
func TestCrashChild(t *testing.T) {
	path := os.Getenv(crashEnv)
	if path == "" {
		t.Skip("only run as the child of TestCrashKeepsAcknowledgedSaves")
	}
	s, err := Open(path)
	if err != nil {
		fmt.Println("error", err)
		os.Exit(3)
	}
	var ids [crashSessions]string
	for i := range ids {
		sess := &model.Session{Title: fmt.Sprintf("Absturz %d", i)}
		if err := s.Create(sess); err != nil {
			fmt.Println("error", err)
			os.Exit(3)
		}
		ids[i] = sess.ID
		fmt.Println("session", sess.ID)
	}
	for i := 0; ; i++ {
		n, kind, key := crashOp(i)
		v := strconv.Itoa(i)
		switch kind {
		case "answer":
			err = s.SetAnswer(ids[n], key, model.Answer{strconv.Itoa(i + 2)})
		case "note":
			err = s.SetNote(ids[n], key, v)
		default:
			err = s.SetQuick(ids[n], key, model.QuickEntry{Status: model.StatusInArbeit, Note: v})
		}
		if err != nil {
			fmt.Println("error", err)
			os.Exit(3)
		}
		fmt.Println("ack", i) // stdout is unbuffered: printed means acknowledged
	}
}

// TestCrashKeepsAcknowledgedSaves kills a saving child process at a random
// moment (SIGKILL, no chance to clean up) and checks that every save it had
// acknowledged is in the file: each answer holds the last acknowledged value
// or the one save that was in flight.
func TestCrashKeepsAcknowledgedSaves(t *testing.T) {
	if testing.Short() {
		t.Skip("crash test re-executes the test binary")
	}
	path := filepath.Join(t.TempDir(), "absturz.db")
	for round := range 3 {
		t.Run(fmt.Sprint("round ", round), func(t *testing.T) { crashRound(t, path) })
	}
}

func crashRound(t *testing.T, path string) {
	cmd := exec.Command(os.Args[0], "-test.run=^TestCrashChild$", "-test.v=false")
	cmd.Env = append(os.Environ(), crashEnv+"="+path)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	var ids []string
	acked := -1
	// Kill after a random number of saves plus a random fraction of a
	// save, so that the kill lands anywhere inside a transaction.
	killAfter := 5 + rand.IntN(150)
	delay := time.Duration(rand.IntN(3000)) * time.Microsecond
	var killAt <-chan time.Time
	lines := make(chan string)
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			lines <- sc.Text()
		}
		close(lines)
	}()
	killed := false
loop:
	for {
		select {
		case line, ok := <-lines:
			if !ok {
				break loop
			}
			f := strings.Fields(line)
			switch {
			case len(f) == 2 && f[0] == "session":
				ids = append(ids, f[1])
			case len(f) == 2 && f[0] == "ack":
				acked, _ = strconv.Atoi(f[1])
				if acked == killAfter {
					killAt = time.After(delay)
				}
			case strings.HasPrefix(line, "error"):
				t.Fatalf("child: %s", line)
			}
		case <-killAt:
			if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
				t.Fatal(err)
			}
			killed = true
			killAt = nil // keep reading what the child printed before it died
		}
	}
	_ = cmd.Wait()
	if !killed || acked < killAfter || len(ids) != crashSessions {
		t.Fatalf("child did not run as planned: killed=%v acked=%d sessions=%d", killed, acked, len(ids))
	}

	// The last acknowledged value per answer, and the save in flight.
	type slot struct {
		session   int
		kind, key string
	}
	last := map[slot]int{}
	for i := 0; i <= acked; i++ {
		n, kind, key := crashOp(i)
		last[slot{n, kind, key}] = i
	}
	fn, fkind, fkey := crashOp(acked + 1)
	inFlight := slot{fn, fkind, fkey}

	s, err := Open(path)
	if err != nil {
		t.Fatalf("reopen after crash: %v", err)
	}
	defer s.Close()
	for sl, want := range last {
		sess, err := s.Get(ids[sl.session])
		if err != nil {
			t.Fatal(err)
		}
		got := -1
		switch sl.kind {
		case "answer":
			if n, ok := sess.Profile.Number(sl.key); ok {
				got = n - 2
			}
		case "note":
			got = atoiOr(sess.Notes[sl.key], -1)
		default:
			got = atoiOr(sess.QuickCheck[sl.key].Note, -1)
		}
		if got != want && !(sl == inFlight && got == acked+1) {
			t.Errorf("%v: stored %d, last acknowledged %d", sl, got, want)
		}
	}
	t.Logf("killed %v after save %d: %d acknowledged saves, all found", delay, killAfter, acked+1)
}

func atoiOr(s string, def int) int {
	n, err := strconv.Atoi(s)
	if err != nil {
		return def
	}
	return n
}
