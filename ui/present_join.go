package ui

import "net"

// JoinLine is how participants join, for the projector: "ssh -p PORT
// kommune@HOST · Passwort: CODE" with the workshop code only (never the
// moderator code). HOST is an address participants can reach: the one
// listened on, or for all interfaces the machine's LAN address.
func JoinLine(addr net.Addr, code string) string {
	host, port, err := net.SplitHostPort(addr.String())
	if err != nil {
		return ""
	}
	ip := net.ParseIP(host)
	if ip == nil || ip.IsUnspecified() {
		host = LANHost()
	} else if ip.To4() == nil {
		host = "[" + host + "]"
	}
	line := "ssh -p " + port + " IHRE-KOMMUNE@" + host
	if port == "22" {
		line = "ssh IHRE-KOMMUNE@" + host
	}
	if code != "" {
		line += " · Passwort: " + code
	}
	return line
}

// LANHost is this machine's address in the local network: the first
// private IPv4 address of an interface that is up, else any non-loopback
// IPv4 address, else "localhost".
func LANHost() string {
	ifs, err := net.Interfaces()
	if err != nil {
		return "localhost"
	}
	var other string
	for _, in := range ifs {
		if in.Flags&net.FlagUp == 0 || in.Flags&net.FlagLoopback != 0 {
			continue
		}
		addrs, err := in.Addrs()
		if err != nil {
			continue
		}
		for _, a := range addrs {
			n, ok := a.(*net.IPNet)
			if !ok {
				continue
			}
			ip4 := n.IP.To4()
			if ip4 == nil || ip4.IsLoopback() || ip4.IsLinkLocalUnicast() {
				continue
			}
			if ip4.IsPrivate() {
				return ip4.String()
			}
			if other == "" {
				other = ip4.String()
			}
		}
	}
	if other != "" {
		return other
	}
	return "localhost"
}
