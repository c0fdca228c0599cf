#!/usr/bin/env bash
# Makes sure headless Chromium and its chromedriver are installed for the browser tests
# (run by Maven in process-test-classes). Installs Debian's packages when root can; never prompts.
set -euo pipefail

have_browser() {
  command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1
}

if have_browser; then
  # Debian's launcher prints harmless shell noise on stderr on some machines; keep only the version.
  echo "ensure-browser: $(chromium --version 2>/dev/null)"
  echo "ensure-browser: $(chromedriver --version 2>/dev/null)"
  exit 0
fi

if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  install_browser() {
    apt-get update -qq &&
      apt-get install -y -qq --no-install-recommends chromium chromium-driver </dev/null
  }
  echo "ensure-browser: installing chromium and chromium-driver with apt-get"
  # A mirror hiccup should not fail the build: try the pair once more.
  install_browser || { echo "ensure-browser: apt-get failed, retrying once" >&2; sleep 5; install_browser; }
  if have_browser; then
    echo "ensure-browser: $(chromium --version 2>/dev/null)"
    echo "ensure-browser: $(chromedriver --version 2>/dev/null)"
    exit 0
  fi
  echo "ensure-browser: apt-get finished but chromium/chromedriver are still not on PATH" >&2
  exit 1
fi

echo "ensure-browser: chromium and chromedriver are needed for the browser tests but are not on PATH." >&2
echo "ensure-browser: install them (Debian/Ubuntu, as root: apt-get install chromium chromium-driver), or skip tests with -DskipTests." >&2
exit 1
