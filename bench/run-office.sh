#!/usr/bin/env bash
# Office-formats benchmark: builds the CLI and the benchmark in Release, installs pandoc and GNU time
# when missing, then generates a 200,000-row XLSX and a 300-slide PPTX (in a temporary folder, deleted
# afterwards) and times `docstrange convert` on them and on the corpus DOCX and HTML files, beside pandoc.
# Arguments go to the benchmark, e.g. `bench/run-office.sh --rows 50000 --runs 3 --keep`.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

missing=()
command -v pandoc >/dev/null || missing+=(pandoc)
[ -x /usr/bin/time ] || missing+=(time)
if ((${#missing[@]})); then apt-get install -y -q "${missing[@]}" >/dev/null; fi

dotnet build -c Release src/DocStrange.Cli --nologo -v quiet -clp:ErrorsOnly
dotnet build -c Release bench/DocStrange.Bench.Office --nologo -v quiet -clp:ErrorsOnly
exec dotnet bench/DocStrange.Bench.Office/bin/Release/net10.0/DocStrange.Bench.Office.dll "$@"
