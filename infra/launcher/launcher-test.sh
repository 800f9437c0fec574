#!/usr/bin/env bash
# Runs the launcher's install branch the way only a fresh machine would: on a PATH without chromium,
# no shellcheck and no CJK font, with stand-ins for apt-get, sudo and id that record how they were called.
# Part of ./tracklight test, so the branch a developer machine never takes is exercised in every run.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
failures=0

fail() { echo "launcher-test: FAIL $*" >&2; failures=$((failures + 1)); }

# A copy of the machine's PATH as symlinks, minus what the launcher would install.
mkdir -p "$WORK/system"
IFS=: read -r -a dirs <<<"$PATH"
for dir in "${dirs[@]}"; do
  [ -d "$dir" ] || continue
  for tool in "$dir"/*; do
    name=$(basename "$tool")
    case "$name" in chromium | shellcheck | fc-list | apt-get | sudo | id) continue ;; esac
    [ -e "$WORK/system/$name" ] || ln -s "$tool" "$WORK/system/$name"
  done
done

# Stand-ins, reset for each case: apt-get "installs" by creating the commands it was asked for.
new_case() { # uid apt-get-exit-code
  rm -rf "$WORK/stubs" "$WORK/calls"
  mkdir -p "$WORK/stubs"
  : >"$WORK/calls"
  cat >"$WORK/stubs/id" <<EOF
#!/usr/bin/env bash
[ "\${1:-}" = -u ] && echo $1 || exec "$(command -v id)" "\$@"
EOF
  cat >"$WORK/stubs/sudo" <<EOF
#!/usr/bin/env bash
echo "sudo \$*" >>"$WORK/calls"
exec "\$@"
EOF
  cat >"$WORK/stubs/apt-get" <<EOF
#!/usr/bin/env bash
echo "apt-get \$* DEBIAN_FRONTEND=\${DEBIAN_FRONTEND:-unset}" >>"$WORK/calls"
[ $2 -eq 0 ] || exit $2
for package in "\$@"; do
  case "\$package" in
    chromium | shellcheck) printf '#!/bin/sh\n' >"$WORK/stubs/\$package"; chmod +x "$WORK/stubs/\$package" ;;
    fonts-wqy-microhei) printf '#!/bin/sh\necho "/usr/share/fonts/wqy-microhei.ttc: WenQuanYi Micro Hei"\n' >"$WORK/stubs/fc-list"; chmod +x "$WORK/stubs/fc-list" ;;
  esac
done
EOF
  chmod +x "$WORK/stubs/"*
}

run_setup() { PATH="$WORK/stubs:$WORK/system" "$ROOT/tracklight" setup >"$WORK/out" 2>&1; }

# 1. root, nothing installed: apt-get runs directly, non-interactively, for all three packages
new_case 0 0
if run_setup; then
  grep -q "^apt-get update -qq" "$WORK/calls" || fail "root: no 'apt-get update' ($(cat "$WORK/calls"))"
  grep -qx "apt-get install -y -qq chromium fonts-wqy-microhei shellcheck DEBIAN_FRONTEND=noninteractive" "$WORK/calls" \
    || fail "root: install not called as expected ($(cat "$WORK/calls"))"
  grep -q "^sudo" "$WORK/calls" && fail "root: sudo used"
else
  fail "root: setup failed: $(cat "$WORK/out")"
fi

# 2. the same again: everything is there now, so nothing is installed
: >"$WORK/calls"
run_setup || fail "second setup failed: $(cat "$WORK/out")"
[ -s "$WORK/calls" ] && fail "second setup installed again ($(cat "$WORK/calls"))"

# 3. not root: through sudo, with the environment passed by env (sudo would drop it)
new_case 1000 0
if run_setup; then
  grep -qx "sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-wqy-microhei shellcheck" "$WORK/calls" \
    || fail "non-root: install not through sudo ($(cat "$WORK/calls"))"
else
  fail "non-root: setup failed: $(cat "$WORK/out")"
fi

# 4. apt-get fails: a clear message and a non-zero exit, not a half-set-up machine that goes on
new_case 0 100
if run_setup; then
  fail "a failing apt-get was reported as success"
else
  grep -q "could not install chromium fonts-wqy-microhei shellcheck" "$WORK/out" || fail "apt-get failure not explained: $(cat "$WORK/out")"
fi

if [ "$failures" -gt 0 ]; then
  echo "launcher-test: $failures failure(s)" >&2
  exit 1
fi
echo "launcher-test: install branch ok (root, again, non-root, failing apt-get)"
