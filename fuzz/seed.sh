#!/bin/sh
# Fills fuzz/corpus/<target>/ with starting inputs from the test cases and the shared corpus.
# corpus_loader inputs start with a byte that picks the file kind: '0' .txt, '1' .html, '2' .jsonl.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
cases="$here/../tests/cases"
shared="${COPYDESK_SHARED:-$here/../../shared}/corpus"
mkdir -p "$here/corpus/corpus_loader" "$here/corpus/draft_check" "$here/corpus/lsp_edits"

for f in "$cases"/corpus-port-strike/*.txt "$shared"/istanbul-talks/*.txt; do
    [ -f "$f" ] || continue
    base=$(basename "$f" .txt)
    { printf 0; cat "$f"; } > "$here/corpus/corpus_loader/txt-$base"
    # The same article as a page, with furniture around it.
    { printf '1<!doctype html><html><head><title>%s</title><script>var x = "<p>";</script></head><body><nav><a href="/">Home</a> | <a href="/world">World</a></nav><article><h1>%s</h1>' "$base" "$base"
      sed 's/&/\&amp;/g; s/</\&lt;/g; s/^/<p>/; s/$/<\/p>/' "$f"
      printf '</article><footer>&copy; 2025 &#8220;Outlet&#8221;</footer></body></html>'; } > "$here/corpus/corpus_loader/html-$base"
    cp "$f" "$here/corpus/draft_check/src-$base"
done
{ printf 2; cat "$cases"/corpus-port-strike/port-strike-archive.jsonl; } > "$here/corpus/corpus_loader/jsonl-port-strike"
for archive in reuters21578 bbc-news-2005; do
    if [ -f "$shared/$archive.jsonl" ]; then
        { printf 2; head -n 3 "$shared/$archive.jsonl"; } > "$here/corpus/corpus_loader/jsonl-$archive"
    fi
done
for f in "$cases"/*.md; do
    cp "$f" "$here/corpus/draft_check/draft-$(basename "$f" .md)"
    # Structured input: the bytes are read by `arbitrary`, so any file is a valid start.
    head -c 512 "$f" > "$here/corpus/lsp_edits/$(basename "$f" .md)"
done
