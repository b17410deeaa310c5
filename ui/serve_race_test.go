//go:build race

package ui

// raceEnabled skips the SSH load test under the race detector, where 30
// redrawing clients take minutes; the race-checked tests cover the same
// paths with two clients.
const raceEnabled = true
