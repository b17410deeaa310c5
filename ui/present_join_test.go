package ui

import (
	"net"
	"strings"
	"testing"
)

func TestJoinLine(t *testing.T) {
	tcp := func(s string) net.Addr { a, _ := net.ResolveTCPAddr("tcp", s); return a }
	for _, c := range []struct {
		addr, code, want string
	}{
		{"192.168.178.20:23234", "K7QX2M9P", "ssh -p 23234 IHRE-KOMMUNE@192.168.178.20 · Passwort: K7QX2M9P"},
		{"127.0.0.1:23234", "K7QX2M9P", "ssh -p 23234 IHRE-KOMMUNE@127.0.0.1 · Passwort: K7QX2M9P"},
		{"10.0.0.5:22", "", "ssh IHRE-KOMMUNE@10.0.0.5"},
		{"0.0.0.0:23234", "K7QX2M9P", "ssh -p 23234 IHRE-KOMMUNE@" + LANHost() + " · Passwort: K7QX2M9P"},
	} {
		if got := JoinLine(tcp(c.addr), c.code); got != c.want {
			t.Errorf("JoinLine(%s) = %q, want %q", c.addr, got, c.want)
		}
	}
	if h := LANHost(); h != "localhost" && net.ParseIP(h) == nil {
		t.Errorf("LANHost = %q: neither an IP nor localhost", h)
	}
	if strings.Contains(JoinLine(tcp("0.0.0.0:1"), "X"), "0.0.0.0") {
		t.Error("the join line names the unspecified address")
	}
}
