#!/bin/sh
# The user guide's pictures are the browser tests' screenshots of the same name
# (tests/browser: each `visit.check("name")` saves test-output/screenshots/name.png after
# axe has passed on the page). After `make browser`, this copies each one a guide page
# shows over docs/user-guide/img, so the guide shows the pages as they are today.
# tests/test_docs.py fails when a guide picture has no browser test that takes it.
set -eu
shots="${1:-test-output/screenshots}"
cd "$(dirname "$0")/.."
missing=0
for image in $(grep -oh 'img/[A-Za-z0-9_-]*\.png' docs/user-guide/*.md | sort -u); do
    name="${image#img/}"
    if [ -f "$shots/$name" ]; then
        cp "$shots/$name" "docs/user-guide/img/$name"
    else
        echo "no screenshot $shots/$name: run make browser first" >&2
        missing=1
    fi
done
exit "$missing"
