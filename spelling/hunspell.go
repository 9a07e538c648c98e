// Package spelling checks words against Hunspell dictionaries through the
// Hunspell library itself (libhunspell, the engine of LibreOffice and
// Firefox), with the dictionaries Debian installs (hunspell-en-us,
// hunspell-en-gb, …), plus the newsroom's own words.
package spelling

// #cgo pkg-config: hunspell
// #include <stdlib.h>
// #include <hunspell.h>
import "C"

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"unsafe"
)

// DictionaryDirs are where dictionaries are looked for, in order; the
// environment variable DICPATH (Hunspell's own) comes first when set.
var DictionaryDirs = []string{"/usr/share/hunspell", "/usr/share/myspell/dicts", "/usr/share/myspell"}

// ErrNoDictionary is returned by Open when no dictionary of the language
// is installed.
var ErrNoDictionary = errors.New("no dictionary installed")

// maxWordBytes is the longest word given to Hunspell; longer runs of
// letters are never words and are reported as misspelt without asking.
const maxWordBytes = 100

// Checker spells words in one language. It is safe for concurrent use.
type Checker struct {
	lang string

	mu     sync.Mutex
	handle *C.Hunhandle
	known  map[string]bool // answers already given
	added  map[string]bool
}

// dirs lists the dictionary folders to search.
func dirs() []string {
	var out []string
	if p := os.Getenv("DICPATH"); p != "" {
		out = append(out, filepath.SplitList(p)...)
	}
	return append(out, DictionaryDirs...)
}

// normaliseLang turns "en-GB" or "en_gb" into Hunspell's "en_GB".
func normaliseLang(lang string) string {
	lang = strings.ReplaceAll(strings.TrimSpace(lang), "-", "_")
	if i := strings.IndexByte(lang, '_'); i > 0 {
		return strings.ToLower(lang[:i]) + "_" + strings.ToUpper(lang[i+1:])
	}
	return strings.ToLower(lang)
}

// Languages lists the installed dictionaries ("en_GB", "en_US", …), sorted.
func Languages() []string {
	seen := map[string]bool{}
	for _, dir := range dirs() {
		matches, _ := filepath.Glob(filepath.Join(dir, "*.dic"))
		for _, dic := range matches {
			lang := strings.TrimSuffix(filepath.Base(dic), ".dic")
			if _, err := os.Stat(strings.TrimSuffix(dic, ".dic") + ".aff"); err == nil {
				seen[lang] = true
			}
		}
	}
	out := make([]string, 0, len(seen))
	for l := range seen {
		out = append(out, l)
	}
	sort.Strings(out)
	return out
}

// Open loads the dictionary of lang ("en-GB", "en_US", …).
func Open(lang string) (*Checker, error) {
	name := normaliseLang(lang)
	if name == "" || strings.ContainsAny(name, `/\.`) {
		return nil, fmt.Errorf("open dictionary %q: not a language name", lang)
	}
	for _, dir := range dirs() {
		aff, dic := filepath.Join(dir, name+".aff"), filepath.Join(dir, name+".dic")
		if _, err := os.Stat(dic); err != nil {
			continue
		}
		if _, err := os.Stat(aff); err != nil {
			continue
		}
		caff, cdic := C.CString(aff), C.CString(dic)
		h := C.Hunspell_create(caff, cdic)
		C.free(unsafe.Pointer(caff))
		C.free(unsafe.Pointer(cdic))
		if h == nil {
			return nil, fmt.Errorf("open dictionary %s: Hunspell could not load it", dic)
		}
		if enc := C.GoString(C.Hunspell_get_dic_encoding(h)); !strings.EqualFold(enc, "UTF-8") {
			C.Hunspell_destroy(h)
			return nil, fmt.Errorf("open dictionary %s: encoding %s is not supported (UTF-8 only)", dic, enc)
		}
		return &Checker{lang: name, handle: h, known: map[string]bool{}, added: map[string]bool{}}, nil
	}
	return nil, fmt.Errorf("open dictionary %q: %w (install hunspell-%s)", lang, ErrNoDictionary,
		strings.ToLower(strings.ReplaceAll(name, "_", "-")))
}

// Language is the dictionary's language ("en_GB").
func (c *Checker) Language() string { return c.lang }

// Close frees the dictionary; the checker must not be used after.
func (c *Checker) Close() {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.handle != nil {
		C.Hunspell_destroy(c.handle)
		c.handle = nil
	}
}

// Add accepts word as correct from now on (the newsroom's dictionary).
func (c *Checker) Add(word string) {
	word = normaliseWord(word)
	if word == "" || len(word) > maxWordBytes {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.added[word] = true
	c.known[word] = true
	if c.handle != nil {
		cw := C.CString(word)
		C.Hunspell_add(c.handle, cw)
		C.free(unsafe.Pointer(cw))
	}
}

// Correct reports whether word is spelt correctly.
func (c *Checker) Correct(word string) bool {
	word = normaliseWord(word)
	if word == "" {
		return true
	}
	if len(word) > maxWordBytes {
		return false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if ok, seen := c.known[word]; seen {
		return ok
	}
	ok := true
	if c.handle != nil {
		cw := C.CString(word)
		ok = C.Hunspell_spell(c.handle, cw) != 0
		C.free(unsafe.Pointer(cw))
	}
	if len(c.known) > 200_000 {
		c.known = map[string]bool{}
		for w := range c.added {
			c.known[w] = true
		}
	}
	c.known[word] = ok
	return ok
}

// Suggest returns up to max corrections for word, best first.
func (c *Checker) Suggest(word string, max int) []string {
	word = normaliseWord(word)
	if word == "" || len(word) > maxWordBytes || max <= 0 {
		return nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.handle == nil {
		return nil
	}
	cw := C.CString(word)
	defer C.free(unsafe.Pointer(cw))
	var list **C.char
	n := int(C.Hunspell_suggest(c.handle, &list, cw))
	if n <= 0 {
		return nil
	}
	defer C.Hunspell_free_list(c.handle, &list, C.int(n))
	items := unsafe.Slice(list, n)
	var out []string
	for _, item := range items {
		if len(out) == max {
			break
		}
		out = append(out, C.GoString(item))
	}
	return out
}

// normaliseWord gives Hunspell the word with typographic apostrophes as
// plain ones (the dictionaries list "Kerry's") and without a possessive
// or elided trailing apostrophe.
func normaliseWord(w string) string {
	w = strings.ReplaceAll(w, "’", "'")
	w = strings.TrimRight(w, "'")
	if !validUTF8NoNUL(w) {
		return ""
	}
	return w
}

func validUTF8NoNUL(s string) bool {
	return !strings.ContainsRune(s, 0) && !strings.ContainsRune(s, '\uFFFD') && strings.ToValidUTF8(s, "\uFFFD") == s
}
