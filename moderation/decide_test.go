package moderation

import (
	"fmt"
	"strings"
	"testing"

	"newsroom/domain"
)

// reader is a well-behaved comment from a known author.
func reader() Input {
	return Input{
		Comment: domain.Comment{
			Author:     "Anna Reader",
			Email:      "anna@example.org",
			URL:        "https://anna.example.org/",
			Body:       "Thank you for the clear report on the Sochi talks.",
			Type:       domain.TypeComment,
			ClientAddr: "192.0.2.10",
			UserAgent:  "Mozilla/5.0",
		},
		AuthorHasApproved: true,
		SpamScore:         -1,
	}
}

func TestDecide(t *testing.T) {
	keyed := DefaultSettings()
	keyed.ModerationKeys = []string{"casino", " Poker "}
	keyed.DisallowedKeys = []string{"viagra", "203.0.113."}
	tests := []struct {
		name     string
		edit     func(in *Input)
		settings Settings
		status   domain.CommentStatus
		reasons  []string
	}{
		{"known author, plain text", func(in *Input) {}, DefaultSettings(), domain.CommentApproved, nil},
		{"known author, 1 link", func(in *Input) { in.Comment.Body = "See https://example.com/report for more." }, DefaultSettings(), domain.CommentApproved, nil},
		{"exactly 2 links", func(in *Input) { in.Comment.Body = "See https://a.example and http://b.example" }, DefaultSettings(), domain.CommentPending, []string{"2 links"}},
		{"3 links, one an anchor", func(in *Input) {
			in.Comment.Body = `<a href="https://a.example">https://a.example</a> HTTP://b.example https://c.example`
		}, DefaultSettings(), domain.CommentPending, []string{"3 links"}},
		{"website field is not counted", func(in *Input) {
			in.Comment.Body = "See https://a.example"
			in.Comment.URL = "https://b.example"
		}, DefaultSettings(), domain.CommentApproved, nil},
		{"link rule off", func(in *Input) { in.Comment.Body = "https://a https://b https://c" }, Settings{}, domain.CommentApproved, nil},
		{"max links 1", func(in *Input) { in.Comment.Body = "https://a" }, Settings{MaxLinks: 1}, domain.CommentPending, []string{"1 link"}},
		{"first comment", func(in *Input) { in.AuthorHasApproved = false }, DefaultSettings(), domain.CommentPending, []string{"first comment from this author"}},
		{"first comment, rule off", func(in *Input) { in.AuthorHasApproved = false }, Settings{MaxLinks: 2}, domain.CommentApproved, nil},
		{"pingback", func(in *Input) { in.Comment.Type = domain.TypePingback }, DefaultSettings(), domain.CommentPending, []string{"pingback from another site"}},
		{"honeypot", func(in *Input) { in.HoneypotFilled = true }, DefaultSettings(), domain.CommentSpam, []string{"honeypot field was filled"}},
		{"honeypot outranks a known author", func(in *Input) { in.HoneypotFilled = true; in.SpamScore = 0.1 }, keyed, domain.CommentSpam, []string{"honeypot field was filled"}},
		{"disallowed in name", func(in *Input) { in.Comment.Author = "Cheap VIAGRA" }, keyed, domain.CommentSpam, []string{"matches disallowed keyword 'viagra'"}},
		{"disallowed in email", func(in *Input) { in.Comment.Email = "ViAgRa@example.org" }, keyed, domain.CommentSpam, []string{"matches disallowed keyword 'viagra'"}},
		{"disallowed in website", func(in *Input) { in.Comment.URL = "https://buy-Viagra.example" }, keyed, domain.CommentSpam, []string{"matches disallowed keyword 'viagra'"}},
		{"disallowed in text", func(in *Input) { in.Comment.Body = "Great article. VIAGRA here." }, keyed, domain.CommentSpam, []string{"matches disallowed keyword 'viagra'"}},
		{"disallowed in client address", func(in *Input) { in.Comment.ClientAddr = "203.0.113.7" }, keyed, domain.CommentSpam, []string{"matches disallowed keyword '203.0.113.'"}},
		{"disallowed in user agent", func(in *Input) { in.Comment.UserAgent = "viagra-bot/1.0" }, keyed, domain.CommentSpam, []string{"matches disallowed keyword 'viagra'"}},
		{"moderation key in name", func(in *Input) { in.Comment.Author = "Casino Royale" }, keyed, domain.CommentPending, []string{"matches moderation keyword 'casino'"}},
		{"moderation key in email", func(in *Input) { in.Comment.Email = "CASINO@example.org" }, keyed, domain.CommentPending, []string{"matches moderation keyword 'casino'"}},
		{"moderation key in website", func(in *Input) { in.Comment.URL = "https://casino.example" }, keyed, domain.CommentPending, []string{"matches moderation keyword 'casino'"}},
		{"moderation key in text", func(in *Input) { in.Comment.Body = "Play pOkEr tonight" }, keyed, domain.CommentPending, []string{"matches moderation keyword 'poker'"}},
		{"moderation key in client address", func(in *Input) { in.Comment.ClientAddr = "casino-proxy" }, keyed, domain.CommentPending, []string{"matches moderation keyword 'casino'"}},
		{"blank keys match nothing", func(in *Input) {}, Settings{ModerationKeys: []string{"", "  "}, DisallowedKeys: []string{""}}, domain.CommentApproved, nil},
		{"high spam score holds", func(in *Input) { in.SpamScore = 0.934 }, DefaultSettings(), domain.CommentPending, []string{"spam score 0.93"}},
		{"spam score just under threshold", func(in *Input) { in.SpamScore = 0.89 }, DefaultSettings(), domain.CommentApproved, nil},
		{"every reason listed", func(in *Input) {
			in.AuthorHasApproved = false
			in.Comment.Body = "casino poker https://a https://b"
			in.SpamScore = 0.97
		}, keyed, domain.CommentPending, []string{"2 links", "matches moderation keyword 'casino'", "matches moderation keyword 'poker'", "first comment from this author", "spam score 0.97"}},
		{"spam keeps the hold reasons too", func(in *Input) {
			in.HoneypotFilled = true
			in.AuthorHasApproved = false
			in.Comment.Body = "viagra casino"
		}, keyed, domain.CommentSpam, []string{"honeypot field was filled", "matches disallowed keyword 'viagra'", "matches moderation keyword 'casino'", "first comment from this author"}},
		{"editor's reply", func(in *Input) {
			in.Comment.ByEditor = true
			in.AuthorHasApproved = false
			in.Comment.Body = "https://a https://b"
		}, keyed, domain.CommentApproved, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := reader()
			tt.edit(&in)
			got := Decide(in, tt.settings)
			if got.Status != tt.status || fmt.Sprintf("%q", got.Reasons) != fmt.Sprintf("%q", tt.reasons) {
				t.Errorf("Decide = %s %q, want %s %q", got.Status, got.Reasons, tt.status, tt.reasons)
			}
		})
	}
}

func TestCountLinks(t *testing.T) {
	tests := []struct {
		text string
		want int
	}{
		{"", 0},
		{"no links, just example.com", 0},
		{"https://a.example", 1},
		{"HTTPS://A.EXAMPLE and http://b", 2},
		{`<a href="https://a.example">site</a>`, 1},
		{`<a href="https://a.example">https://a.example</a>`, 1},
		{`<A class="x" HREF='/relative'>x</A> https://b`, 2},
		{`<a href="https://a">unclosed https://b`, 2},
		{strings.Repeat("http://x ", 50), 50},
	}
	for _, tt := range tests {
		if got := CountLinks(tt.text); got != tt.want {
			t.Errorf("CountLinks(%q) = %d, want %d", tt.text, got, tt.want)
		}
	}
}

func TestParseKeywords(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"", nil},
		{"\n \n\t\n", nil},
		{"Viagra\r\n  casino  \n\nCASINO\nполитика\n", []string{"viagra", "casino", "политика"}},
		{"one phrase with spaces", []string{"one phrase with spaces"}},
	}
	for _, tt := range tests {
		got := ParseKeywords(tt.text)
		if fmt.Sprintf("%q", got) != fmt.Sprintf("%q", tt.want) {
			t.Errorf("ParseKeywords(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
	keys := []string{"a", "b c"}
	if got := ParseKeywords(FormatKeywords(keys)); fmt.Sprint(got) != fmt.Sprint(keys) {
		t.Errorf("FormatKeywords does not round-trip: %q", got)
	}
}

func TestDefaultSettings(t *testing.T) {
	s := DefaultSettings()
	if s.MaxLinks != 2 || !s.RequirePriorApproval || len(s.ModerationKeys) != 0 || len(s.DisallowedKeys) != 0 {
		t.Errorf("DefaultSettings = %+v, want WordPress's defaults", s)
	}
}
