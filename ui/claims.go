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
