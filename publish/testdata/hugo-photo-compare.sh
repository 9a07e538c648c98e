#!/bin/sh
# Compares `newsroom export` with Hugo on photos: N articles (default
# 1000), each with its own camera-size JPEG (W×H, default 4000×3000,
# generated and varied so it does not compress trivially), every photo
# exported in the widths 480, 960 and 1600. Newsroom: the articles are
# imported and each photo added as the lead image with `newsroom media add
# --lead-of`; then `newsroom export` into a fresh folder and a no-change
# re-export into the same one are timed. Hugo: the same text and photos as
# page bundles, a minimal theme whose single page template calls .Resize
# for the same three widths (Hugo's default filter, quality 82 as
# newsroom's), a first build with empty resource and file caches. ROUNDS
# rounds (default 1) alternate the two. Needs Debian's hugo and
# /usr/bin/time; run from the repository root:
#   sh publish/testdata/hugo-photo-compare.sh [N] [ROUNDS] [W] [H]
# NEWSROOM_BIN names the binary (default bin/newsroom, built if missing).
# TMPDIR puts the work folder elsewhere (it needs about 10 MB per photo).
# NEWSROOM_ONLY=1 skips Hugo (to compare two newsroom builds on the same
# corpus; the figures in the README were taken with Hugo).
set -eu
N=${1:-1000}
ROUNDS=${2:-1}
W=${3:-4000}
H=${4:-3000}
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
[imaging]
quality = 82
TOML
cat > "$SITE/layouts/_default/single.html" <<'HTML'
<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title><link rel="stylesheet" href="../site.css"></head>
<body><main><article><h1>{{ .Title }}</h1><p>{{ .Description }}</p>
{{ with .Resources.GetMatch "photo.jpg" }}{{ $s := .Resize "480x" }}{{ $m := .Resize "960x" }}{{ $l := .Resize "1600x" }}<figure><img src="{{ $m.RelPermalink }}" srcset="{{ $s.RelPermalink }} 480w, {{ $m.RelPermalink }} 960w, {{ $l.RelPermalink }} 1600w" sizes="(min-width: 50rem) 46rem, 100vw" width="{{ $l.Width }}" height="{{ $l.Height }}" alt="Generated photo"><figcaption>Photo: Bench</figcaption></figure>{{ end }}
<time datetime="{{ .Date.Format "2006-01-02T15:04:05Z07:00" }}">{{ .Date.Format "2 January 2006" }}</time>
{{ .Content }}</article></main></body></html>
HTML
cat > "$SITE/layouts/_default/list.html" <<'HTML'
<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{{ .Site.Title }}</title><link rel="stylesheet" href="site.css"></head>
<body><main><ol>{{ range .Site.RegularPages }}<li><h2><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2><p>{{ .Description }}</p></li>{{ end }}</ol></main></body></html>
HTML

NEWSROOM=${NEWSROOM_BIN:-./bin/newsroom}
if [ ! -x "$NEWSROOM" ]; then
	go build -tags sqlite_fts5 -o "$WORK/newsroom" .
	NEWSROOM="$WORK/newsroom"
fi
go build -o "$WORK/photobench" ./publish/cmd/photobench
/usr/bin/time -f "corpus generated in %e s" "$WORK/photobench" -n "$N" -w "$W" -h "$H" -hugo "$SITE/content/posts" -md "$WORK/md"
echo "corpus: $N articles with one ${W}×${H} JPEG each; $(hugo version | cut -d' ' -f1-2); $(nproc) CPUs"

DB="$WORK/corpus.db"
/usr/bin/time -o "$WORK/time" -f "newsroom import of the articles: %e s wall" "$NEWSROOM" import --db "$DB" "$WORK/md" >/dev/null
cat "$WORK/time"
# A base URL, as Hugo's config has: newsroom then also cuts each lead
# image's 1200×630 social card (work Hugo's theme here does not do).
"$NEWSROOM" settings set --db "$DB" base_url https://news.example/ >/dev/null
start=$(date +%s)
# Two at a time: each process decodes its photo to check it while the
# other writes.
ls "$SITE/content/posts" | xargs -P 2 -I{} "$NEWSROOM" media add --db "$DB" "$SITE/content/posts/{}/photo.jpg" \
	--lead-of {} --credit "Photo: Bench" --alt "Generated photo for {}" >/dev/null
echo "newsroom media add --lead-of, one process per photo, two at a time: $(( $(date +%s) - start )) s wall"
echo "database: $(du -m "$DB" | cut -f1) MB"

settle() { sync; sleep 2; }
i=1
while [ "$i" -le "$ROUNDS" ]; do
	echo "== round $i (load: $(cut -d' ' -f1-3 /proc/loadavg))"
	settle
	# Export warnings go to a file (there should be none about images).
	/usr/bin/time -o "$WORK/time" -f "newsroom export: %e s wall, %U s user, %S s sys, %M KB max RSS" \
		"$NEWSROOM" export --db "$DB" --out "$WORK/site$i" >"$WORK/out" 2>"$WORK/warnings"
	cat "$WORK/time" "$WORK/out"
	if grep -q "image-" "$WORK/warnings"; then grep "image-" "$WORK/warnings" | head -3; fi
	/usr/bin/time -o "$WORK/time" -f "newsroom no-change re-export: %e s wall, %U s user, %S s sys" \
		"$NEWSROOM" export --db "$DB" --out "$WORK/site$i" >"$WORK/out" 2>"$WORK/warnings"
	cat "$WORK/time" "$WORK/out"
	echo "newsroom renditions: $(find "$WORK/site$i/media" -type f | wc -l) files, $(du -sm "$WORK/site$i/media" | cut -f1) MB"
	if [ "${NEWSROOM_ONLY:-}" = 1 ]; then i=$((i + 1)); continue; fi
	settle
	rm -rf "$SITE/resources"
	/usr/bin/time -f "hugo first build: %e s wall, %U s user, %S s sys, %M KB max RSS" \
		hugo --quiet --source "$SITE" --destination "$WORK/public$i" --cacheDir "$WORK/hugocache$i" >/dev/null
	echo "hugo renditions: $(find "$WORK/public$i/posts" -name '*.jpg' | wc -l) files, $(du -sm "$WORK/public$i/posts" | cut -f1) MB"
	i=$((i + 1))
done
