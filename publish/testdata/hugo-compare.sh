#!/bin/sh
# Compares publish.Export with Hugo on the same generated corpus: N
# articles (default 10000) of about 600 words, ROUNDS rounds (default 3),
# alternating the two. Needs Debian's hugo (apt-get install -y hugo) and
# /usr/bin/time. Run from the repository root:
#   sh publish/testdata/hugo-compare.sh [N] [ROUNDS]
# TMPDIR=/dev/shm puts all output on tmpfs, taking disk contention out of
# the comparison (useful on a shared machine). On disk, prefer a folder
# where nothing big was deleted lately (TMPDIR=/var/tmp): ext4 was seen
# to spend several times the usual system time creating files next to
# freshly deleted trees, for Hugo and Newsroom alike.
set -eu
N=${1:-10000}
ROUNDS=${2:-3}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
SITE="$WORK/hugo"
mkdir -p "$SITE/content/posts" "$SITE/layouts/_default"
cat > "$SITE/config.toml" <<'TOML'
baseURL = "https://news.example/"
title = "Bench Daily"
disableKinds = ["taxonomy", "term", "sitemap", "robotsTXT", "404"]
[markup.goldmark.renderer]
unsafe = false
TOML
cat > "$SITE/layouts/_default/single.html" <<'HTML'
<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title><link rel="stylesheet" href="../site.css"></head>
<body><main><article><h1>{{ .Title }}</h1><p>{{ .Description }}</p><time datetime="{{ .Date.Format "2006-01-02T15:04:05Z07:00" }}">{{ .Date.Format "2 January 2006" }}</time>
{{ .Content }}</article></main></body></html>
HTML
cat > "$SITE/layouts/_default/list.html" <<'HTML'
<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{{ .Site.Title }}</title><link rel="stylesheet" href="site.css"></head>
<body><main><ol>{{ range .Site.RegularPages }}<li><h2><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2><p>{{ .Description }}</p></li>{{ end }}</ol></main></body></html>
HTML

go build -tags sqlite_fts5 -o "$WORK/exportbench" ./publish/cmd/exportbench
"$WORK/exportbench" -n "$N" -words 600 -hugo "$SITE/content/posts"
echo "corpus: $N articles of ~600 words; $(hugo version | cut -d' ' -f1-2)"
# The real binary too: import the same Markdown into a database, then
# time `newsroom export` from it (set NEWSROOM_BIN, default bin/newsroom).
NEWSROOM=${NEWSROOM_BIN:-./bin/newsroom}
if [ -x "$NEWSROOM" ]; then
	/usr/bin/time -o "$WORK/time" -f "newsroom import of the corpus: %e s wall" \
		"$NEWSROOM" import --db "$WORK/corpus.db" "$SITE"/content/posts/*.md >/dev/null 2>&1
	cat "$WORK/time"
fi
# Each run writes into a fresh folder after a sync and a pause, and nothing
# is deleted until the end: deleting 10,000 folders right before a timed
# run slows whichever program runs next (seen here: 2.3 s became 7 s).
settle() { sync; sleep 2; }
i=1
while [ "$i" -le "$ROUNDS" ]; do
	echo "== round $i (load: $(cut -d' ' -f1-3 /proc/loadavg))"
	settle
	/usr/bin/time -f "newsroom in-memory export (exportbench): %e s wall, %U s user, %S s sys" \
		"$WORK/exportbench" -n "$N" -words 600 -out "$WORK/newsroom$i" -reexport=false
	if [ -x "$NEWSROOM" ]; then
		settle
		# Export warnings (every generated article is unchecked) go to a file.
		/usr/bin/time -o "$WORK/time" -f "newsroom export (real binary, from SQLite): %e s wall, %U s user, %S s sys" \
			"$NEWSROOM" export --db "$WORK/corpus.db" --out "$WORK/site$i" >/dev/null 2>"$WORK/warnings"
		cat "$WORK/time"
		/usr/bin/time -o "$WORK/time" -f "newsroom no-change re-export (real binary): %e s wall, %U s user, %S s sys" \
			"$NEWSROOM" export --db "$WORK/corpus.db" --out "$WORK/site$i" >/dev/null 2>"$WORK/warnings"
		cat "$WORK/time"
	fi
	settle
	/usr/bin/time -f "hugo full build process: %e s wall, %U s user, %S s sys" \
		hugo --quiet --source "$SITE" --destination "$WORK/public$i" >/dev/null
	echo "hugo pages: $(ls "$WORK/public$i/posts" | wc -l)"
	i=$((i + 1))
done
