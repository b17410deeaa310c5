package store

// Announce tells every subscriber that session id changed although
// nothing was written: state that lives beside the database, such as
// which connection answers for which municipality in a workshop (see
// ui/claims.go), reaches every screen through the same feed as answers.
func (s *Store) Announce(id string) { s.publish(Change{SessionID: id}) }
