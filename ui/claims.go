package ui

import (
	"strings"
	"sync"
	"unicode"

	"ikz/model"
)

// Claims records which connection answers for which municipality of a
// workshop (ikz serve). A connection claims one municipality per session;
// a participant never answers for one it has not claimed. Claims live as
// long as the connection: they are not stored, a restart frees them all,
// and whoever reconnects under the same SSH user name lands on the
// municipality they had (or the one their user name names).
type Claims struct {
	mu     sync.Mutex
	next   uint64
	holder map[claimKey]uint64    // municipality → connection
	user   map[uint64]string      // connection → SSH user name
	last   map[userKey]string     // (session, user name) → last claimed participant ID
	notify func(sessionID string) // a claim changed: screens re-read (store.Announce)
}

type claimKey struct{ session, participant string }
type userKey struct{ session, user string }

// NewClaims returns an empty registry; notify (may be nil) is called after
// every change, outside the lock.
func NewClaims(notify func(sessionID string)) *Claims {
	return &Claims{holder: map[claimKey]uint64{}, user: map[uint64]string{}, last: map[userKey]string{}, notify: notify}
}

// Connect registers a connection and returns its ID.
func (c *Claims) Connect(user string) uint64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.next++
	c.user[c.next] = user
	return c.next
}

// Disconnect frees every claim of conn.
func (c *Claims) Disconnect(conn uint64) {
	c.mu.Lock()
	var touched []string
	for k, h := range c.holder {
		if h == conn {
			delete(c.holder, k)
			touched = append(touched, k.session)
		}
	}
	delete(c.user, conn)
	c.mu.Unlock()
	for _, s := range touched {
		c.announce(s)
	}
}

// Claim makes conn answer for participant pid of session sess. If another
// connection holds it, Claim does nothing and reports taken unless
// takeOver is set; then that connection loses it. Any other municipality
// conn held in sess is freed.
func (c *Claims) Claim(sess, pid string, conn uint64, takeOver bool) (taken bool) {
	c.mu.Lock()
	k := claimKey{sess, pid}
	if h, ok := c.holder[k]; ok && h != conn && !takeOver {
		c.mu.Unlock()
		return true
	}
	for o, h := range c.holder {
		if h == conn && o.session == sess {
			delete(c.holder, o)
		}
	}
	c.holder[k] = conn
	if u := c.user[conn]; u != "" {
		c.last[userKey{sess, u}] = pid
	}
	c.mu.Unlock()
	c.announce(sess)
	return false
}

// Release frees pid if conn holds it.
func (c *Claims) Release(sess, pid string, conn uint64) {
	c.mu.Lock()
	k := claimKey{sess, pid}
	held := c.holder[k] == conn
	if held {
		delete(c.holder, k)
	}
	c.mu.Unlock()
	if held {
		c.announce(sess)
	}
}

// Holds reports whether conn answers for pid.
func (c *Claims) Holds(sess, pid string, conn uint64) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	h, ok := c.holder[claimKey{sess, pid}]
	return ok && h == conn
}

// Online reports whether some connection answers for pid.
func (c *Claims) Online(sess, pid string) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	_, ok := c.holder[claimKey{sess, pid}]
	return ok
}

// Preselect is the municipality a new connection of conn starts on: the
// one its SSH user name last claimed in sess, else the one the user name
// names ("brake" → "Stadt Brake"); "" when none or several match.
func (c *Claims) Preselect(s *model.Session, conn uint64) string {
	c.mu.Lock()
	user := c.user[conn]
	last := c.last[userKey{s.ID, user}]
	c.mu.Unlock()
	if user == "" {
		return ""
	}
	if last != "" && s.Participant(last) != nil {
		return last
	}
	return matchUser(s, user)
}

func (c *Claims) announce(sess string) {
	if c.notify != nil {
		c.notify(sess)
	}
}

// matchUser finds the one participant whose ID, name or a distinctive
// word of its name is the user name (case, umlauts and punctuation aside).
func matchUser(s *model.Session, user string) string {
	u := nameKey(user)
	if u == "" {
		return ""
	}
	found := ""
	for _, p := range s.Participants {
		hit := strings.EqualFold(p.ID, user) || nameKey(p.Name) == u
		for _, w := range strings.FieldsFunc(p.Name, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
			if k := nameKey(w); k == u && !genericWord[k] {
				hit = true
			}
		}
		if hit {
			if found != "" {
				return "" // ambiguous: let the person choose
			}
			found = p.ID
		}
	}
	return found
}

// genericWord are parts of municipality names that name no one.
var genericWord = map[string]bool{"stadt": true, "gemeinde": true, "kreis": true, "landkreis": true, "samtgemeinde": true,
	"markt": true, "amt": true, "verbandsgemeinde": true, "hansestadt": true, "kreisstadt": true, "bad": true}

// nameKey folds a name for comparison: lower case, umlauts spelt out,
// everything but letters and digits dropped.
func nameKey(s string) string {
	r := strings.NewReplacer("ä", "ae", "ö", "oe", "ü", "ue", "ß", "ss")
	s = r.Replace(strings.ToLower(s))
	var b strings.Builder
	for _, c := range s {
		if unicode.IsLetter(c) || unicode.IsDigit(c) {
			b.WriteRune(c)
		}
	}
	return b.String()
}

// apply stores a change of the session's changer (session_changes.go). A
// change made for a municipality (model.Change.As) — and so its undo and
// its redo — is stored only while this connection still answers for it,
// checked in the store's transaction: after a takeover a queued undo is
// refused with a message, never applied over the new holder's answers.
func (ch *changer) apply(q queuedChange) (*model.Session, error) {
	claims, conn, as := ch.d.claims, ch.d.conn, q.c.As
	if claims == nil || as == "" {
		return ch.d.store.Apply(ch.id, q.c)
	}
	return ch.d.store.ApplyChecked(ch.id, q.c, func(s *model.Session) error {
		if claims.Holds(s.ID, as, conn) {
			return nil
		}
		name := as
		if p := s.Participant(as); p != nil {
			name = model.SafeLine(p.Name)
		}
		return &notClaimedError{name: name}
	})
}

// notClaimedError: a change for a municipality this connection no longer
// answers for; changeError (session_changes.go) words it like every other
// refusal.
type notClaimedError struct{ name string }

func (e *notClaimedError) Error() string {
	return "eine andere Verbindung antwortet jetzt für „" + e.name + "“"
}

// burstLen is how many changes at the front of the queue can be stored
// in one transaction (key presses faster than the disk, many connections
// at once): plain changes, not undo/redo, not final, at most 64; below 2
// there is no burst. Called with ch.mu held.
func (ch *changer) burstLen() int {
	n := 0
	for n < len(ch.queue) && n < 64 && ch.queue[n].kind == changeDo && !ch.queue[n].c.Final {
		n++
	}
	if n < 2 {
		return 0
	}
	return n
}

// applyAll stores a burst in one transaction, each change only while this
// connection holds its municipality (see apply); if one is refused, none
// is stored and the changer stores them one by one (session_changes.go).
func (ch *changer) applyAll(burst []queuedChange) (*model.Session, error) {
	claims, conn := ch.d.claims, ch.d.conn
	cs := make([]model.Change, len(burst))
	for i, q := range burst {
		cs[i] = q.c
	}
	return ch.d.store.ApplyAll(ch.id, cs, func(c model.Change, s *model.Session) error {
		if claims == nil || c.As == "" || claims.Holds(s.ID, c.As, conn) {
			return nil
		}
		return errNotClaimed
	})
}
