package textedit

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// benchSize is the editor size used by all benchmarks.
var benchSize = fyne.NewSize(700, 600)

func benchBodyOpen(b *testing.B, n int) {
	test.NewTempApp(b)
	text := genBody(n)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		e := newCountingEditor()
		e.SetText(text)
		e.Resize(benchSize)
		test.WidgetRenderer(e).Layout(benchSize)
	}
}

func BenchmarkBodyOpen600(b *testing.B)   { benchBodyOpen(b, 600) }
func BenchmarkBodyOpen6000(b *testing.B)  { benchBodyOpen(b, 6000) }
func BenchmarkBodyOpen60000(b *testing.B) { benchBodyOpen(b, 60000) }

func benchBodyKeystroke(b *testing.B, n int) {
	test.NewTempApp(b)
	e := newCountingEditor()
	text := genBody(n)
	e.SetText(text)
	e.Resize(benchSize)
	e.SetCursorOffset(len(text) / 2)
	e.FocusGained()
	changed := 0
	e.OnChanged = func(s string) { changed += len(s) }
	b.ReportAllocs()
	b.ResetTimer()
	typed := []rune("fresh news ")
	i := 0
	for b.Loop() {
		if i%100 == 99 { // restart elsewhere so no paragraph grows without bound
			b.StopTimer()
			e.SetText(text)
			e.SetCursorOffset(i * 7919 % len(text))
			b.StartTimer()
		}
		e.TypedRune(typed[i%len(typed)])
		i++
	}
	if changed == 0 {
		b.Fatal("OnChanged never called")
	}
}

func BenchmarkBodyKeystroke600(b *testing.B)   { benchBodyKeystroke(b, 600) }
func BenchmarkBodyKeystroke6000(b *testing.B)  { benchBodyKeystroke(b, 6000) }
func BenchmarkBodyKeystroke60000(b *testing.B) { benchBodyKeystroke(b, 60000) }

func BenchmarkBodyResize60000(b *testing.B) {
	test.NewTempApp(b)
	e := newCountingEditor()
	e.SetText(genBody(60000))
	e.Resize(benchSize)
	sizes := []fyne.Size{fyne.NewSize(650, 600), benchSize}
	b.ReportAllocs()
	b.ResetTimer()
	i := 0
	for b.Loop() {
		e.Resize(sizes[i%2])
		i++
	}
}

func newStockEntry(text string) *widget.Entry {
	en := widget.NewMultiLineEntry()
	en.Wrapping = fyne.TextWrapWord
	en.SetText(text)
	en.Resize(benchSize)
	return en
}

func benchStockOpen(b *testing.B, n int) {
	test.NewTempApp(b)
	text := genBody(n)
	b.ResetTimer()
	for b.Loop() {
		newStockEntry(text)
	}
}

func BenchmarkStockEntryOpen600(b *testing.B)  { benchStockOpen(b, 600) }
func BenchmarkStockEntryOpen6000(b *testing.B) { benchStockOpen(b, 6000) }

func benchStockKeystroke(b *testing.B, n int) {
	test.NewTempApp(b)
	en := newStockEntry(genBody(n))
	en.CursorRow = 3
	en.FocusGained()
	b.ResetTimer()
	typed := []rune("fresh news ")
	i := 0
	for b.Loop() {
		en.TypedRune(typed[i%len(typed)])
		i++
	}
}

func BenchmarkStockEntryKeystroke600(b *testing.B)  { benchStockKeystroke(b, 600) }
func BenchmarkStockEntryKeystroke6000(b *testing.B) { benchStockKeystroke(b, 6000) }
