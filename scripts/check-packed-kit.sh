#!/bin/bash
# The provider authoring kit as a user outside this repository gets it: packs @org/engine,
# @org/sync and @org/cli with pnpm (as they are published), installs the tarballs in a new
# project in a temporary folder (third-party packages from the local pnpm store, so no
# network is needed once the workspace is installed), scaffolds a provider with
# `org-engine init`, validates it, runs the conformance suite with `org-engine test`, and runs
# the scaffold's own vitest file against the published `@org/engine/testing`.
# Usage: bash scripts/check-packed-kit.sh   (after `npx pnpm build`)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/org-kit-check-XXXXXX")
trap 'rm -rf "$work"' EXIT
pnpm() { npx -y pnpm@10.34.8 "$@"; }
vitest_version=$(node -p "require('$root/package.json').devDependencies.vitest")

mkdir -p "$work/tarballs" "$work/project"
for package in engine sync cli; do
  (cd "$root/packages/$package" && pnpm pack --pack-destination "$work/tarballs" >/dev/null)
done
tarball() { echo "file:$(ls "$work"/tarballs/org-"$1"-*.tgz)"; }

cd "$work/project"
cat >package.json <<JSON
{
  "name": "kit-check",
  "private": true,
  "type": "module",
  "devDependencies": {
    "@org/cli": "$(tarball cli)",
    "@org/engine": "$(tarball engine)",
    "vitest": "$vitest_version"
  },
  "pnpm": {
    "overrides": { "@org/engine": "$(tarball engine)", "@org/sync": "$(tarball sync)" },
    "onlyBuiltDependencies": []
  }
}
JSON
pnpm install --prefer-offline --config.auto-install-peers=false >install.log 2>&1 || { cat install.log; exit 1; }

cli=node_modules/.bin/org-engine
"$cli" init acme
# The schema line of the scaffold points into the installed package: an editor must find it there.
schema=$(head -1 providers/acme/provider.yaml | sed 's/.*\$schema=//')
test -f "providers/acme/$schema" || { echo "the schema line points at a missing file: $schema"; exit 1; }
"$cli" validate providers/acme
"$cli" test providers/acme
CI=true NO_COLOR=1 node_modules/.bin/vitest run
echo "packed kit: init, validate, test and the scaffold's vitest file pass outside the repository"
