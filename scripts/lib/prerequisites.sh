# Sourced by scripts/start and scripts/test: make sure what LinkSnap needs on this machine is present.
# As root it installs missing Debian packages itself; otherwise it names what to install and stops.

linksnap_require_packages() {
  local missing=()
  [ -x /usr/lib/chromium/chromium ] || [ -n "${LINKSNAP_CHROMIUM:-}" ] || missing+=(chromium)
  # Firefox runs the extension's Firefox end-to-end test (FirefoxEndToEndTests), driven through WebDriver BiDi.
  [ -x /usr/lib/firefox-esr/firefox-esr ] || [ -n "${LINKSNAP_FIREFOX:-}" ] || missing+=(firefox-esr)
  # grep reads everything (no -q): under pipefail an early exit would SIGPIPE fc-list and fail the test.
  fc-list 2>/dev/null | grep -i "Noto Sans CJK" >/dev/null || missing+=(fonts-noto-cjk)
  command -v clang >/dev/null 2>&1 || missing+=(clang)          # NativeAOT build of the relay
  [ -e /usr/include/zlib.h ] || missing+=(zlib1g-dev)           # linked by NativeAOT
  command -v node >/dev/null 2>&1 || missing+=(nodejs)          # Playwright driver, Readability.js bundle
  command -v npm >/dev/null 2>&1 || missing+=(npm)
  command -v fc-list >/dev/null 2>&1 || missing+=(fontconfig)
  if [ ${#missing[@]} -eq 0 ]; then
    return 0
  fi
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing missing packages: ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "LinkSnap needs these Debian packages: ${missing[*]}" >&2
    echo "Install them with: sudo apt-get install ${missing[*]}" >&2
    return 1
  fi
}

linksnap_require_dotnet() {
  if ! command -v dotnet >/dev/null 2>&1; then
    echo "LinkSnap needs the .NET 10 SDK (https://learn.microsoft.com/dotnet/core/install/linux-debian)." >&2
    return 1
  fi
}

# Playwright must never download a browser: it drives the system Chromium.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1
