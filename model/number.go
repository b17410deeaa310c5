package model

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// ParseGermanNumber reads a number as a German reader writes it: a comma
// before the decimals, dots between groups of three digits ("94.000,50",
// "1.200", "2,5", "-3"). Input that also reads another way is refused with a
// message that names both readings, so a number is never taken in a sense
// the user did not mean:
//   - "94,000.50" (English grouping): 94.000,50 in the English sense, but
//     not a German number at all;
//   - "1,000" or "12,345": 1 and 12,345 in German, 1.000 and 12.345 in English;
//   - "99.5": no German reading (a dot only separates thousands) – 99,5 meant?
//
// Only digits, one sign, separators, spaces and a trailing "€" are allowed;
// more than 15 significant digits are refused rather than rounded.
func ParseGermanNumber(s string) (float64, error) {
	t := strings.TrimSpace(s)
	t = strings.TrimSpace(strings.TrimSuffix(t, "€"))
	t = strings.NewReplacer(" ", "", "\u00a0", "", "\u202f", "").Replace(t)
	if t == "" {
		return 0, &NumberError{Input: s, Msg: "ist leer"}
	}
	neg := strings.HasPrefix(t, "-")
	body := strings.TrimPrefix(t, "-")
	if !numberChars.MatchString(body) {
		return 0, &NumberError{Input: s, Msg: "ist keine Zahl – bitte nur Ziffern, z. B. 12.345,67"}
	}
	var intPart, frac string
	switch {
	case deGrouped.MatchString(body) || dePlain.MatchString(body):
		parts := strings.SplitN(body, ",", 2)
		intPart = strings.ReplaceAll(parts[0], ".", "")
		if len(parts) == 2 {
			frac = parts[1]
		}
		if ambiguousComma(body) {
			en := strings.ReplaceAll(body, ",", "")
			return 0, &NumberError{Input: s, Ambiguous: true, Msg: fmt.Sprintf(
				"ist mehrdeutig: deutsch gelesen %s, englisch gelesen %s – bitte eindeutig schreiben (z. B. %s oder %s)",
				formatGerman(intPart, frac), groupThousands(en), formatGerman(intPart, frac), groupThousands(en))}
		}
	case enGrouped.MatchString(body):
		p := strings.SplitN(body, ".", 2)
		de := groupThousands(strings.ReplaceAll(p[0], ",", ""))
		if len(p) == 2 {
			de += "," + p[1]
		}
		return 0, &NumberError{Input: s, Ambiguous: true, Msg: fmt.Sprintf(
			"ist englisch geschrieben (%s), deutsch gelesen aber keine Zahl – bitte %s schreiben", de, de)}
	case enDecimal.MatchString(body):
		p := strings.SplitN(body, ".", 2)
		de := p[0] + "," + p[1]
		return 0, &NumberError{Input: s, Ambiguous: true, Msg: fmt.Sprintf(
			"ist mehrdeutig: im Deutschen trennt der Punkt Tausender (dann wäre es keine Zahl), englisch gelesen %s – bitte %s schreiben", de, de)}
	default:
		return 0, &NumberError{Input: s, Msg: "ist keine Zahl in deutscher Schreibweise – z. B. 12.345,67"}
	}
	digits := strings.TrimLeft(intPart+frac, "0")
	if len(digits) > 15 {
		return 0, &NumberError{Input: s, Msg: "hat zu viele Stellen – bitte höchstens 15 Ziffern"}
	}
	lit := intPart
	if frac != "" {
		lit += "." + frac
	}
	v, err := strconv.ParseFloat(lit, 64)
	if err != nil {
		return 0, &NumberError{Input: s, Msg: "ist keine Zahl – bitte z. B. 12.345,67 eingeben"}
	}
	if neg {
		v = -v
	}
	return v, nil
}

var (
	numberChars = regexp.MustCompile(`^[0-9.,]+$`)
	deGrouped   = regexp.MustCompile(`^[1-9]\d{0,2}(\.\d{3})+(,\d+)?$`)
	dePlain     = regexp.MustCompile(`^\d+(,\d+)?$`)
	enGrouped   = regexp.MustCompile(`^\d{1,3}(,\d{3})+(\.\d+)?$`)
	enDecimal   = regexp.MustCompile(`^\d+\.\d{1,2}$|^\d+\.\d{4,}$|^0\.\d+$`)
)

// ambiguousComma: "1,000" and "12,345" are German decimals and English
// thousands at once (one to three digits, not starting with 0, a comma,
// exactly three digits; no dots).
func ambiguousComma(body string) bool {
	return ambiguousCommaRe.MatchString(body)
}

var ambiguousCommaRe = regexp.MustCompile(`^[1-9]\d{0,2},\d{3}$`)

// formatGerman writes integer and fraction digits the German way.
func formatGerman(intPart, frac string) string {
	out := groupThousands(strings.TrimLeft(intPart, "0"))
	if out == "" {
		out = "0"
	}
	if frac != "" {
		out += "," + frac
	}
	return out
}

// groupThousands puts dots between groups of three digits.
func groupThousands(digits string) string {
	if len(digits) <= 3 {
		return digits
	}
	var b strings.Builder
	lead := len(digits) % 3
	if lead > 0 {
		b.WriteString(digits[:lead])
	}
	for i := lead; i < len(digits); i += 3 {
		if b.Len() > 0 {
			b.WriteByte('.')
		}
		b.WriteString(digits[i : i+3])
	}
	return b.String()
}

// NumberError explains why typed text is not taken as a number.
type NumberError struct {
	Input     string
	Msg       string
	Ambiguous bool // the text reads two ways
}

func (e *NumberError) Error() string { return fmt.Sprintf("„%s“ %s", SafeLine(e.Input), e.Msg) }
