package report

import (
	"context"
	"encoding/xml"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

// The report is printed by the browser, as a user prints it. This test
// prints the fixture's HTML with headless Chromium and reads the PDF back
// with pdftotext: the page count, the paper first, the running title and
// page numbers in the margins, no browser header with the file path, and
// no word outside the page's content width (a cut table or a long word
// would show there). It is skipped without Chromium; .ci/run installs
// Chromium and poppler-utils and sets IKZ_REQUIRE_CHROMIUM so that it runs.

// mm converts millimetres to PDF points.
func mm(v float64) float64 { return v * 72 / 25.4 }

// Page margins of report.css (@page): top, right, bottom, left.
var pageMargin = [4]float64{mm(20), mm(18), mm(20), mm(20)}

func browser(t *testing.T) (chromium, pdftotext string) {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			chromium = p
			break
		}
	}
	pdftotext, _ = exec.LookPath("pdftotext")
	if chromium == "" || pdftotext == "" {
		if os.Getenv("IKZ_REQUIRE_CHROMIUM") != "" {
			t.Fatal("Chromium and pdftotext are required (IKZ_REQUIRE_CHROMIUM is set): apt-get install chromium poppler-utils")
		}
		t.Skip("Chromium or pdftotext not installed")
	}
	return chromium, pdftotext
}

// printPDF writes doc to dir and prints it with the browser's own header
// and footer left on, as a user's print dialog has them by default.
func printPDF(t *testing.T, chromium, dir, doc string) string {
	t.Helper()
	in, out := filepath.Join(dir, "bericht.html"), filepath.Join(dir, "bericht.pdf")
	if err := os.WriteFile(in, []byte(doc), 0o600); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
		"--user-data-dir="+filepath.Join(dir, "profile"), "--print-to-pdf="+out, "file://"+in)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("chromium: %v\n%s", err, b)
	}
	return out
}

type pdfText struct {
	Pages []struct {
		Width  float64 `xml:"width,attr"`
		Height float64 `xml:"height,attr"`
		Words  []struct {
			XMin float64 `xml:"xMin,attr"`
			YMin float64 `xml:"yMin,attr"`
			XMax float64 `xml:"xMax,attr"`
			YMax float64 `xml:"yMax,attr"`
			Text string  `xml:",chardata"`
		} `xml:"word"`
	} `xml:"body>doc>page"`
}

// readPDF returns every page's words with their boxes.
func readPDF(t *testing.T, pdftotext, pdf string) pdfText {
	t.Helper()
	b, err := exec.Command(pdftotext, "-bbox", pdf, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	var doc pdfText
	d := xml.NewDecoder(strings.NewReader(string(b)))
	d.Strict, d.AutoClose, d.Entity = false, xml.HTMLAutoClose, xml.HTMLEntity
	if err := d.Decode(&doc); err != nil {
		t.Fatalf("pdftotext output: %v", err)
	}
	return doc
}

func (p pdfText) pageText(i int) string {
	var words []string
	for _, w := range p.Pages[i].Words {
		words = append(words, w.Text)
	}
	return strings.Join(words, " ")
}

// usDate is the date in the browser's own page header ("11/29/26, 1:39 PM").
var usDate = regexp.MustCompile(`\b\d{1,2}/\d{1,2}/\d{2,4}\b`)

// fixturePages is how many A4 pages the fixture's report takes; a change
// of the layout or the catalogue may move it by a page, more is a defect.
const fixturePages = 18

func TestReportPrintsToPDF(t *testing.T) {
	chromium, pdftotext := browser(t)
	dir := t.TempDir()
	doc := render(t, "html", fixtureData())
	pdf := readPDF(t, pdftotext, printPDF(t, chromium, dir, doc))

	n := len(pdf.Pages)
	t.Logf("the fixture's report prints on %d A4 pages", n)
	if n < fixturePages-1 || n > fixturePages+1 {
		t.Errorf("%d pages, want %d ± 1", n, fixturePages)
	}
	// The decision paper comes first and takes at most two pages; the
	// appendix starts on a page of its own.
	appendix := -1
	for i := range pdf.Pages {
		if strings.Contains(pdf.pageText(i), "Anhang Profil: alle Antworten") {
			appendix = i
			break
		}
	}
	if appendix < 1 || appendix > 2 {
		t.Errorf("the appendix starts on page %d, want page 2 or 3 (the paper takes one or two pages)", appendix+1)
	}
	if first := pdf.pageText(0); !strings.Contains(first, "Entscheidungsvorlage") || !strings.Contains(first, "1. Anlass und Beteiligte") {
		t.Errorf("page 1 does not open with the paper: %.200q", first)
	}
	for i := range pdf.Pages {
		text := pdf.pageText(i)
		if strings.Contains(text, "file:") || strings.Contains(text, dir) || strings.Contains(text, "bericht.html") {
			t.Errorf("page %d shows the file path: the browser's own header is printed", i+1)
		}
		if want := "Seite " + strconv.Itoa(i+1) + " von " + strconv.Itoa(n); !strings.Contains(text, want) {
			t.Errorf("page %d lacks %q", i+1, want)
		}
		if usDate.MatchString(text) {
			t.Errorf("page %d shows the browser's date header: %q", i+1, usDate.FindString(text))
		}
		if !strings.Contains(text, "Entscheidungsvorlage: Schul-IT-Verbund Kreis Auental") {
			t.Errorf("page %d lacks the running title", i+1)
		}
	}
	// No word leaves the page's content width (2 pt tolerance for glyph
	// overhang) or the sheet.
	for i, p := range pdf.Pages {
		left, right := pageMargin[3]-2, p.Width-pageMargin[1]+2
		for _, w := range p.Words {
			if w.XMin < left || w.XMax > right || w.YMin < 0 || w.YMax > p.Height {
				t.Errorf("page %d: %q at x %.0f–%.0f, y %.0f–%.0f lies outside the page box (x %.0f–%.0f)",
					i+1, w.Text, w.XMin, w.XMax, w.YMin, w.YMax, left, right)
			}
		}
	}
}
