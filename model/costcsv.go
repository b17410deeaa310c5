package model

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// The CSV files of the cost-sharing sheet are those a German spreadsheet
// writes: ";" between columns, "," before the decimals, "." between
// thousands, UTF-8 or Windows-1252. Import reads the partners' own
// figures; export adds every key's shares and savings (ignored on import,
// so an exported file can be read back).

// Limits for a file from outside.
const (
	MaxCostCSVBytes = 1 << 20
	maxCSVCell      = 200
	maxCSVErrors    = 8
)

// costColumn is one input column of the partner table.
type costColumn struct {
	header  string   // as written on export
	aliases []string // accepted on import, compared without case, units and spaces
	integer bool
	limit   float64
	get     func(CostPartner) float64
	set     func(*CostPartner, float64)
}

var costColumns = []costColumn{
	{"Schulen", []string{"schulen", "anzahl schulen"}, true, maxCount,
		func(p CostPartner) float64 { return float64(p.Schools) }, func(p *CostPartner, v float64) { p.Schools = int(v) }},
	{"Schüler", []string{"schüler", "schueler", "schülerzahl", "schülerinnen und schüler"}, true, maxCount,
		func(p CostPartner) float64 { return float64(p.Pupils) }, func(p *CostPartner, v float64) { p.Pupils = int(v) }},
	{"Geräte", []string{"geräte", "geraete", "endgeräte"}, true, maxCount,
		func(p CostPartner) float64 { return float64(p.Devices) }, func(p *CostPartner, v float64) { p.Devices = int(v) }},
	{"Personentage", []string{"personentage", "personentage pro jahr"}, false, maxPersonDays,
		func(p CostPartner) float64 { return p.PersonDays }, func(p *CostPartner, v float64) { p.PersonDays = v }},
	{"Personal heute (VZÄ)", []string{"personal heute", "vzä heute", "personal"}, false, maxFTE,
		func(p CostPartner) float64 { return p.StaffNow }, func(p *CostPartner, v float64) { p.StaffNow = v }},
	{"Personalkosten heute (€)", []string{"personalkosten heute", "personalkosten"}, false, maxAmount,
		func(p CostPartner) float64 { return p.PersonnelNow }, func(p *CostPartner, v float64) { p.PersonnelNow = v }},
	{"Sachkosten heute (€)", []string{"sachkosten heute", "sachkosten"}, false, maxAmount,
		func(p CostPartner) float64 { return p.MaterialNow }, func(p *CostPartner, v float64) { p.MaterialNow = v }},
	{"Verträge heute (€)", []string{"verträge heute", "vertraege heute", "verträge", "vertraege"}, false, maxAmount,
		func(p CostPartner) float64 { return p.ContractsNow }, func(p *CostPartner, v float64) { p.ContractsNow = v }},
	{"Verbleibende Kosten mit Kooperation (€)", []string{"verbleibende kosten mit kooperation", "verbleibende kosten"}, false, maxAmount,
		func(p CostPartner) float64 { return p.RemainingWith }, func(p *CostPartner, v float64) { p.RemainingWith = v }},
}

const nameHeader = "Kommune"

var nameAliases = []string{"kommune", "partner", "gemeinde", "name"}

// resultPrefixes start the computed columns of an export.
var resultPrefixes = []string{"anteil ", "ust ", "einsparung ", "erfüllt 15 %"}

// sumRow is the first cell of the export's last row.
const sumRow = "Summe"

// normHeader compares headers without case, unit and extra spaces.
func normHeader(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	if i := strings.LastIndex(s, "("); i > 0 && strings.HasSuffix(s, ")") {
		s = strings.TrimSpace(s[:i])
	}
	return strings.Join(strings.Fields(s), " ")
}

// ParseCostCSV reads the partners from a CSV file. driver is the group's
// name for the third driver (its column may carry that name instead of
// "Geräte"). Every problem is reported in German with its line.
func ParseCostCSV(data []byte, driver string) ([]CostPartner, error) {
	if len(data) > MaxCostCSVBytes {
		return nil, fmt.Errorf("Die Datei ist zu groß (%s KB) – höchstens %d KB", formatNumber(float64(len(data))/1024, 0), MaxCostCSVBytes/1024)
	}
	text := decodeSpreadsheetText(data)
	if strings.ContainsRune(text, 0) {
		return nil, errors.New("Die Datei enthält Nullbytes – das ist keine Textdatei. Bitte als CSV speichern.")
	}
	first, _, _ := strings.Cut(text, "\n")
	if !strings.Contains(first, ";") {
		for _, sep := range []struct{ r, name string }{{",", "Kommas"}, {"\t", "Tabulatoren"}, {"|", "senkrechten Strichen"}} {
			if strings.Contains(first, sep.r) {
				return nil, fmt.Errorf("Die Spalten sind mit %s getrennt – erwartet wird das Semikolon „;“ (so speichert eine deutsche Tabellenkalkulation CSV). Bitte als „CSV (Trennzeichen-getrennt)“ speichern.", sep.name)
			}
		}
		return nil, errors.New("Die erste Zeile enthält kein „;“ – erwartet wird eine Kopfzeile wie „Kommune;Schulen;Schüler;…“")
	}
	r := csv.NewReader(strings.NewReader(text))
	r.Comma = ';'
	r.FieldsPerRecord = -1 // checked below, with a German message
	r.ReuseRecord = false
	header, err := r.Read()
	if err != nil {
		return nil, csvError(err)
	}
	cols, err := mapHeader(header, driver)
	if err != nil {
		return nil, err
	}
	var (
		partners []CostPartner
		errs     []string
		seen     = map[string]int{}
	)
	fail := func(format string, a ...any) { errs = append(errs, fmt.Sprintf(format, a...)) }
	for len(errs) < maxCSVErrors {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			errs = append(errs, csvError(err).Error())
			break
		}
		line, _ := r.FieldPos(0)
		if blank(rec) {
			continue
		}
		if len(rec) != len(header) {
			fail("Zeile %d hat %d Spalten, die Kopfzeile %d – steht irgendwo ein „;“ zu viel oder zu wenig?", line, len(rec), len(header))
			continue
		}
		name := strings.TrimSpace(rec[cols.name])
		if name == sumRow {
			continue // the sum row of an export
		}
		p, perr := parsePartnerRow(rec, cols, line)
		if perr != nil {
			errs = append(errs, perr...)
			continue
		}
		if prev, dup := seen[strings.ToLower(p.Name)]; dup {
			fail("Zeile %d: „%s“ steht schon in Zeile %d – bitte jede Kommune nur einmal aufführen", line, SafeLine(p.Name), prev)
			continue
		}
		seen[strings.ToLower(p.Name)] = line
		if len(partners) == maxCostPartners {
			fail("Mehr als %d Partner – bitte die Datei kürzen", maxCostPartners)
			break
		}
		partners = append(partners, p)
	}
	if len(errs) > 0 {
		if len(errs) >= maxCSVErrors {
			errs = append(errs, "… weitere Fehler nicht aufgeführt")
		}
		return nil, errors.New(strings.Join(errs, "\n"))
	}
	if len(partners) == 0 {
		return nil, errors.New("Die Datei enthält keine Kommunen – unter der Kopfzeile steht keine Zeile")
	}
	return partners, nil
}

type csvColumns struct {
	name  int
	input []int // index into costColumns per record column; -1 = ignored
}

func mapHeader(header []string, driver string) (csvColumns, error) {
	cols := csvColumns{name: -1, input: make([]int, len(header))}
	used := map[int]string{}
	var unknown []string
	driver = normHeader(driver)
	for i, h := range header {
		h = strings.TrimPrefix(h, "\ufeff")
		cols.input[i] = -1
		n := normHeader(h)
		if slicesContains(nameAliases, n) {
			if cols.name >= 0 {
				return cols, fmt.Errorf("Die Spalte „%s“ steht zweimal in der Kopfzeile", nameHeader)
			}
			cols.name = i
			continue
		}
		found := false
		for j, c := range costColumns {
			if slicesContains(c.aliases, n) || (j == 2 && driver != "" && n == driver) {
				if prev, dup := used[j]; dup {
					return cols, fmt.Errorf("Die Spalten „%s“ und „%s“ meinen dasselbe – bitte eine entfernen", SafeLine(prev), SafeLine(h))
				}
				used[j], cols.input[i], found = h, j, true
				break
			}
		}
		if found || n == "" && i == len(header)-1 {
			continue
		}
		if hasResultPrefix(n) {
			continue // a computed column of our own export
		}
		unknown = append(unknown, "„"+SafeLine(truncateRunes(h, 40))+"“")
	}
	if len(unknown) > 0 {
		names := []string{nameHeader}
		for _, c := range costColumns {
			names = append(names, c.header)
		}
		return cols, fmt.Errorf("Unbekannte Spalte %s – erwartet werden: %s", strings.Join(unknown, ", "), strings.Join(names, "; "))
	}
	if cols.name < 0 {
		return cols, errors.New("Die Spalte „Kommune“ fehlt – die erste Zeile muss die Spaltennamen enthalten, z. B. „Kommune;Schulen;Schüler;…“")
	}
	return cols, nil
}

func hasResultPrefix(n string) bool {
	for _, p := range resultPrefixes {
		if strings.HasPrefix(n, p) {
			return true
		}
	}
	return false
}

func parsePartnerRow(rec []string, cols csvColumns, line int) (CostPartner, []string) {
	var errs []string
	for i, cell := range rec {
		if utf8.RuneCountInString(cell) > maxCSVCell {
			return CostPartner{}, []string{fmt.Sprintf("Zeile %d, Spalte %d: mehr als %d Zeichen – das ist keine Zahl und kein Name", line, i+1, maxCSVCell)}
		}
	}
	name := unprotectCell(strings.TrimSpace(rec[cols.name]))
	var p CostPartner
	switch {
	case name == "":
		errs = append(errs, fmt.Sprintf("Zeile %d: der Name der Kommune fehlt", line))
	case SafeLine(name) != name:
		errs = append(errs, fmt.Sprintf("Zeile %d: der Name „%s“ enthält Steuerzeichen – bitte nur Text", line, SafeLine(name)))
	case utf8.RuneCountInString(name) > maxNameLen:
		errs = append(errs, fmt.Sprintf("Zeile %d: der Name ist länger als %d Zeichen", line, maxNameLen))
	}
	p.Name = name
	for i, j := range cols.input {
		if j < 0 {
			continue
		}
		c := costColumns[j]
		v, err := parseGermanNumber(rec[i], c.integer, c.limit)
		if err != nil {
			errs = append(errs, fmt.Sprintf("Zeile %d, Spalte „%s“: %s", line, c.header, err))
			continue
		}
		c.set(&p, v)
	}
	return p, errs
}

// parseGermanNumber reads a cell by the one rule for German numbers
// (ParseGermanNumber: "12.345,67", "12345,67", "1.200", optionally "€";
// text that reads two ways, such as "1.500" next to "1,500" or "99.5",
// is refused, never guessed) and checks the column's bounds.
func parseGermanNumber(cell string, integer bool, limit float64) (float64, error) {
	t := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(cell), "€"))
	if strings.Trim(t, " \u00a0\u202f") == "" {
		return 0, nil
	}
	shown := SafeLine(truncateRunes(strings.TrimSpace(cell), 30))
	if strings.HasPrefix(t, "-") || strings.HasPrefix(t, "−") {
		return 0, fmt.Errorf("„%s“ ist negativ – bitte 0 oder mehr eintragen", shown)
	}
	v, err := ParseGermanNumber(truncateRunes(cell, 60))
	if err != nil {
		return 0, err
	}
	if integer && strings.Contains(t, ",") {
		return 0, fmt.Errorf("„%s“ – hier wird eine ganze Zahl erwartet", shown)
	}
	if v > limit {
		return 0, fmt.Errorf("„%s“ ist unplausibel groß – höchstens %s", shown, formatNumber(limit, 0))
	}
	if !integer {
		v = math.Round(v*100) / 100 // cents; VZÄ and person-days to two decimals
	}
	return v, nil
}

func csvError(err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		switch {
		case errors.Is(pe.Err, csv.ErrQuote), errors.Is(pe.Err, csv.ErrBareQuote):
			return fmt.Errorf("Zeile %d: ein Anführungszeichen „\"“ ist nicht geschlossen oder steht mitten im Feld", pe.Line)
		}
		return fmt.Errorf("Zeile %d: die Zeile lässt sich nicht lesen", pe.Line)
	}
	if err == io.EOF {
		return errors.New("Die Datei ist leer – erwartet wird eine Kopfzeile wie „Kommune;Schulen;Schüler;…“")
	}
	return fmt.Errorf("Die Datei lässt sich nicht lesen: %v", err)
}

func blank(rec []string) bool {
	for _, c := range rec {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

func slicesContains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

func truncateRunes(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n]) + "…"
}

// protectCell keeps a spreadsheet from running a name as a formula
// (CSV injection): a leading = + - @ gets a "'".
func protectCell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

func unprotectCell(s string) string {
	if len(s) > 1 && s[0] == '\'' && strings.ContainsRune("=+-@\t\r", rune(s[1])) {
		return s[1:]
	}
	return s
}

// decodeSpreadsheetText drops a UTF-8 BOM and reads a file that is not
// UTF-8 as Windows-1252, the encoding of "CSV (Trennzeichen-getrennt)" in
// a German Excel.
func decodeSpreadsheetText(data []byte) string {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if utf8.Valid(data) {
		return strings.ReplaceAll(string(data), "\r\n", "\n")
	}
	var b strings.Builder
	for _, c := range data {
		switch {
		case c >= 0x80 && c < 0xa0:
			b.WriteRune(cp1252[c-0x80])
		default:
			b.WriteRune(rune(c)) // Latin-1
		}
	}
	return strings.ReplaceAll(b.String(), "\r\n", "\n")
}

// cp1252 maps 0x80–0x9F; unassigned bytes become U+FFFD.
var cp1252 = [32]rune{
	'€', '\ufffd', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\ufffd', 'Ž', '\ufffd',
	'\ufffd', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\ufffd', 'ž', 'Ÿ',
}

// WriteCostCSV writes the partner table with every key's results, the
// German way, and a sum row. It reads back with ParseCostCSV.
func WriteCostCSV(w io.Writer, c CostSharing, s CostSheet) error {
	cw := csv.NewWriter(w)
	cw.Comma = ';'
	cw.UseCRLF = true // what spreadsheets on Windows write
	header := []string{nameHeader}
	for i, col := range costColumns {
		h := col.header
		if i == 2 {
			h = c.DriverLabel()
		}
		header = append(header, h)
	}
	usable := []KeyResult{}
	for _, k := range s.Keys {
		if k.Unusable == "" {
			usable = append(usable, k)
		}
	}
	for _, k := range usable {
		l := csvKeyLabel(c, k)
		header = append(header, "Anteil "+l+" (€/Jahr)")
		if s.TaxedYears > 0 {
			header = append(header, "USt "+l+" (€/Jahr)")
		}
		header = append(header, "Einsparung "+l+" (€/Jahr)", "Einsparung "+l+" (%)", "Einsparung "+l+" über "+strconv.Itoa(c.Years)+" Jahre (€)")
	}
	if err := cw.Write(header); err != nil {
		return err
	}
	sums := make([]float64, len(costColumns))
	for i, p := range c.Partners {
		row := []string{protectCell(SafeLine(p.Name))}
		for j, col := range costColumns {
			row = append(row, csvNumber(col.get(p), col.integer))
			sums[j] += col.get(p)
		}
		for _, k := range usable {
			pc := k.Partners[i]
			row = append(row, csvCents(pc.Share))
			if s.TaxedYears > 0 {
				row = append(row, csvCents(pc.VAT))
			}
			pct := ""
			if pc.HasPct {
				pct = formatNumber(pc.SavingPct, 1)
			}
			row = append(row, csvCents(pc.Saving), pct, csvCents(pc.SavingTerm))
		}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	row := []string{sumRow}
	for j, col := range costColumns {
		row = append(row, csvNumber(sums[j], col.integer))
	}
	for _, k := range usable {
		var share, vat, saving, term, today int64
		for _, pc := range k.Partners {
			share, vat, saving, term, today = share+pc.Share, vat+pc.VAT, saving+pc.Saving, term+pc.SavingTerm, today+pc.Today
		}
		row = append(row, csvCents(share))
		if s.TaxedYears > 0 {
			row = append(row, csvCents(vat))
		}
		pct := ""
		if today > 0 {
			pct = formatNumber(float64(saving)/float64(today)*100, 1)
		}
		row = append(row, csvCents(saving), pct, csvCents(term))
	}
	if err := cw.Write(row); err != nil {
		return err
	}
	cw.Flush()
	return cw.Error()
}

func csvKeyLabel(c CostSharing, k KeyResult) string {
	if k.Key == KeyMixed {
		return fmt.Sprintf("%s %s %%", k.Key.Label(c), formatNumber(k.BasePercent(), 1))
	}
	return k.Key.Label(c)
}

// csvNumber writes a figure without thousands separators (spreadsheets
// read "1234,5" everywhere; "1.234,5" only in German locales).
func csvNumber(v float64, integer bool) string {
	if integer || v == math.Trunc(v) {
		return strconv.FormatFloat(math.Round(v), 'f', 0, 64)
	}
	return strings.Replace(strconv.FormatFloat(math.Round(v*100)/100, 'f', -1, 64), ".", ",", 1)
}

func csvCents(c int64) string {
	neg := c < 0
	if neg {
		c = -c
	}
	s := fmt.Sprintf("%d,%02d", c/100, c%100)
	if neg {
		s = "-" + s
	}
	return s
}
