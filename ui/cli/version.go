package cli

import (
	"fmt"
	"runtime/debug"
	"strings"
)

func init() {
	Commands["version"] = Command{
		Run:     func(env Env, _ []string) int { fmt.Fprintln(env.Stdout, Version()); return 0 },
		Usage:   "ikz version",
		Summary: "Version anzeigen (auch ikz --version)",
	}
}

// Version describes this build from the information the Go toolchain
// embeds: the module version (a tag when installed with go install
// ikz@v1.2.3, else "(devel)"), the commit and its time, and the Go version.
func Version() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "ikz (ohne Versionsangabe)"
	}
	return describeBuild(bi)
}

func describeBuild(bi *debug.BuildInfo) string {
	v := bi.Main.Version
	if v == "" || v == "(devel)" {
		v = "Entwicklungsstand"
	}
	var rev, at string
	dirty := false
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.time":
			at = s.Value
		case "vcs.modified":
			dirty = s.Value == "true"
		}
	}
	parts := []string{"ikz " + v}
	if rev != "" {
		c := "Commit " + rev[:min(12, len(rev))]
		if at != "" {
			c += " vom " + strings.Replace(strings.TrimSuffix(at, "Z"), "T", " ", 1) + " UTC"
		}
		if dirty {
			c += " (mit lokalen Änderungen)"
		}
		parts = append(parts, c)
	}
	parts = append(parts, bi.GoVersion)
	return strings.Join(parts, " · ")
}
