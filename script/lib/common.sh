# Shared by the scripts in script/: where the repository is, and how to get what a script needs.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# The CLI is published ReadyToRun (precompiled: a `convert` run spends half the CPU it would spend
# compiling PdfPig and DocStrange at start-up) into its own artifacts folder, apart from bin/ and obj/.
case "$(uname -m)" in aarch64|arm64) CLI_RID=linux-arm64 ;; *) CLI_RID=linux-x64 ;; esac
CLI_ARTIFACTS="$ROOT/.artifacts/cli"
CLI_DLL="$CLI_ARTIFACTS/publish/DocStrange.Cli/release_$CLI_RID/docstrange.dll"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# Tesseract's OpenMP threads fight the page-level parallelism (about 5x slower on two cores). The OCR
# engine also sets this through libc before it loads Tesseract; exporting it here covers child processes.
export OMP_THREAD_LIMIT=1

say() { printf '==> %s\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

require_dotnet() {
  command -v dotnet >/dev/null 2>&1 || die "the .NET 10 SDK is needed: https://learn.microsoft.com/dotnet/core/install/linux-debian"
  dotnet --list-sdks | grep -q '^10\.' || die "the .NET 10 SDK is needed (found: $(dotnet --list-sdks | tr '\n' ' '))"
}

# ensure_apt_packages PKG...: installs the Debian packages that are missing (as root, or through sudo).
ensure_apt_packages() {
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || die "missing packages: ${missing[*]} (install them as root)"
    sudo="sudo"
  fi
  say "installing ${missing[*]}"
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -q
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
}

# The system packages the build and the service use: certificates for the HTTPS package restore,
# Tesseract with its English data for OCR, poppler's pdftoppm to render PDF pages for it.
SERVICE_PACKAGES=(ca-certificates tesseract-ocr tesseract-ocr-eng poppler-utils)

# build_cli: a Release build of the CLI (ReadyToRun), skipped when nothing under src/ changed since
# the last one; a plain build when the ReadyToRun compiler cannot be restored.
build_cli() {
  if [ -f "$CLI_DLL" ] && [ -z "$(find "$ROOT/src" "$ROOT/Directory.Build.props" "$ROOT/Directory.Packages.props" -newer "$CLI_DLL" -type f \
       -not -path '*/bin/*' -not -path '*/obj/*' -print -quit)" ]; then
    return 0
  fi
  say "building docstrange (Release, ReadyToRun)"
  if ! dotnet publish "$ROOT/src/DocStrange.Cli/DocStrange.Cli.csproj" -c Release -r "$CLI_RID" --self-contained false \
       -p:PublishReadyToRun=true --artifacts-path "$CLI_ARTIFACTS" --nologo -v quiet -clp:ErrorsOnly >&2; then
    say "ReadyToRun publish failed; building without it"
    dotnet build "$ROOT/src/DocStrange.Cli/DocStrange.Cli.csproj" -c Release --nologo -v quiet -clp:ErrorsOnly >&2
    CLI_DLL="$ROOT/src/DocStrange.Cli/bin/Release/net10.0/docstrange.dll"
  fi
  touch "$CLI_DLL"
}
