package model

import "fmt"

// Quote puts s in German quotation marks, made safe for a terminal: the
// one kind of quotation marks in messages (issue 11), and %q's protection
// against control characters kept (SafeLine).
func Quote(s string) string { return "„" + SafeLine(s) + "“" }

// germanf is fmt.Sprintf where %q means Quote: messages keep their %q
// verbs (short, and obvious where a value is quoted) but show „…“.
func germanf(format string, args ...any) string {
	out := make([]byte, 0, len(format)+8)
	arg := 0
	for i := 0; i < len(format); i++ {
		c := format[i]
		if c != '%' {
			out = append(out, c)
			continue
		}
		if i+1 < len(format) && format[i+1] == '%' {
			out = append(out, '%', '%')
			i++
			continue
		}
		// flags, width and precision up to the verb
		j := i + 1
		for j < len(format) && !isVerb(format[j]) {
			j++
		}
		if j < len(format) && format[j] == 'q' && arg < len(args) {
			args[arg] = Quote(fmt.Sprint(args[arg]))
			out = append(out, '%', 's')
		} else {
			out = append(out, format[i:min(j+1, len(format))]...)
		}
		arg++
		i = j
	}
	return fmt.Sprintf(string(out), args...)
}

func isVerb(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
