#!/bin/sh
# Compares publish.Export with Hugo on the same generated corpus:
# N articles (default 10000) of about 600 words.
# Needs Debian's hugo (apt-get install -y hugo). Run from the repository root:
#   sh publish/testdata/hugo-compare.sh [N]
set -eu
N=${1:-10000}
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

echo "== newsroom export ($N articles), corpus also written for Hugo"
go run -tags sqlite_fts5 ./publish/cmd/exportbench -n "$N" -words 600 -out "$WORK/newsroom" -hugo "$SITE/content/posts"

echo "== hugo $(hugo version | cut -d' ' -f2) full build"
start=$(date +%s.%N)
hugo --quiet --source "$SITE" --destination "$WORK/public" >/dev/null
end=$(date +%s.%N)
echo "hugo full build: $(echo "$end - $start" | bc) s"
ls "$WORK/public/posts" | wc -l | sed 's/^/hugo pages: /'
