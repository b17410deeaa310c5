//go:build race

package ui

// raceEnabled shrinks the SSH load test under the race detector, where 30
// redrawing clients take about a minute; .ci/run runs the full size once
// more without -race.
const raceEnabled = true
