#!/usr/bin/env bash
# Installs ngircd (the C relay the benchmark compares against) from Debian when it is missing
# and this user may. Never fails: without ngircd, `npm run bench -- --quick` skips its row.
set -uo pipefail

if command -v ngircd >/dev/null 2>&1 || [ -x /usr/sbin/ngircd ]; then
	exit 0
fi
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
	echo "ngircd is not installed and cannot be installed here; the quick bench will skip it." >&2
	exit 0
fi
if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ngircd; } >/dev/null; then
	echo "Installing ngircd failed; the quick bench will skip it." >&2
fi
exit 0
