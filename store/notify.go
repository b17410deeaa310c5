package store

import (
	"sync"
	"time"

	bolt "go.etcd.io/bbolt"
)

// Change says that a session was written (created, changed, deleted or
// restored). It is sent after the transaction committed, so a Get that
// follows sees the change.
type Change struct {
	SessionID string // "" when changes to several sessions were merged
	At        time.Time
}

// feed fans changes out to subscribers. The zero value is ready to use.
type feed struct {
	mu   sync.Mutex
	subs map[chan Change]struct{}
}

// Subscribe returns a channel that receives a Change after every
// successful write, and a function that ends the subscription (and closes
// the channel; calling it twice is harmless). The channel holds one
// pending change; when the subscriber is slower than the writers, further
// changes are dropped — a screen only needs to know that it must re-read.
func (s *Store) Subscribe() (<-chan Change, func()) {
	ch := make(chan Change, 1)
	s.feed.mu.Lock()
	if s.feed.subs == nil {
		s.feed.subs = map[chan Change]struct{}{}
	}
	s.feed.subs[ch] = struct{}{}
	s.feed.mu.Unlock()
	var once sync.Once
	return ch, func() {
		once.Do(func() {
			s.feed.mu.Lock()
			delete(s.feed.subs, ch)
			close(ch)
			s.feed.mu.Unlock()
		})
	}
}

// changed announces a write of session id once tx has committed (a rolled
// back transaction announces nothing).
func (s *Store) changed(tx *bolt.Tx, id string) {
	tx.OnCommit(func() { s.publish(Change{SessionID: id, At: s.stamp()}) })
}

// publish sends c to every subscriber without blocking.
func (s *Store) publish(c Change) {
	s.feed.mu.Lock()
	defer s.feed.mu.Unlock()
	for ch := range s.feed.subs {
		select {
		case ch <- c:
		default:
			// A change is already pending: the subscriber will re-read
			// anyway. If it was about another session, widen it to "some
			// session" (SessionID "") so that neither is missed.
			select {
			case old := <-ch:
				if old.SessionID != c.SessionID {
					c.SessionID = ""
				}
			default: // the subscriber took it meanwhile
			}
			select {
			case ch <- c:
			default:
			}
		}
	}
}
