#!/usr/bin/env bash
# Builds the Linux one-folder bundle into dist/outreach (run from anywhere; needs .ci/setup first).
set -euo pipefail
cd "$(dirname "$0")/.."
python=${PYTHON:-.venv/bin/python}
"$python" -m pip install -q --disable-pip-version-check "pyinstaller>=6.5"
"$python" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath "${DIST:-dist}" --workpath "${WORK:-build}" packaging/outreach.spec
echo "Built ${DIST:-dist}/outreach/outreach-app"
