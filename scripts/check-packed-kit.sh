#!/bin/bash
# The provider authoring kit as a user outside this repository gets it: packs @org/engine,
# @org/sync and @org/cli with pnpm (as they are published), installs the tarballs in a new
# project in a temporary folder (third-party packages from the local pnpm store, so no
# network is needed once the workspace is installed), scaffolds a provider with
# `org-engine init`, validates it, runs the conformance suite with `org-engine test`, and runs
# the scaffold's own vitest file against the published `@org/engine/testing`, then checks with
# tsc that the published types refuse a misspelt provider id and auth method.
# Usage: bash scripts/check-packed-kit.sh   (after `npx pnpm build`)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/org-kit-check-XXXXXX")
trap 'rm -rf "$work"' EXIT
pnpm() { npx -y pnpm@10.34.8 "$@"; }
# The versions this repository tests with (read before anything is written in the project).
read -r types_node typescript vitest < <(node -p "const d = require('$root/package.json').devDependencies; [d['@types/node'], d.typescript, d.vitest].join(' ')")

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
    "@types/node": "$types_node",
    "typescript": "$typescript",
    "vitest": "$vitest"
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

# The published types in a strict project: the built-in providers are typed, typos do not compile.
cat >connect.ts <<'TS'
import { createEngine } from '@org/engine';
const engine = createEngine();
engine.connect('okta', { params: { domain: 'acme.okta.com' }, auth: { method: 'api_token', token: 't' } });
// @ts-expect-error: no provider oktaa
engine.connect('oktaa', { auth: { method: 'api_token', token: 't' } });
// @ts-expect-error: no auth method api_tokn
engine.connect('okta', { params: { domain: 'acme.okta.com' }, auth: { method: 'api_tokn', token: 't' } });
TS
node_modules/.bin/tsc --noEmit --strict --module nodenext --moduleResolution nodenext --types node connect.ts
echo "packed kit: init, validate, test, the scaffold's vitest file and the typed connect pass outside the repository"
