#!/usr/bin/env bash
# Builds bench/.peer-venv: pyBKT 1.4.3 compiled from its sdist (C++/OpenMP E-step), the
# knowledge-tracing benchmark peer. Kept apart from the project venv because pyBKT 1.4.3
# needs numpy 2.2.6 (it crashes in fit with numpy 2.4) and scikit-learn 1.6.1 (it crashes at
# import with 1.9); see ../shared/data/README.md, "pyBKT as a benchmark peer: three traps".
#
# Usage: scripts/bench-peer-venv.sh [PYTHON]   (default: pyenv 3.12.1, then 3.11.7, then python3.12)
set -euo pipefail

cd "$(dirname "$0")/.."
venv=${PEER_VENV:-bench/.peer-venv}  # PEER_VENV: build elsewhere (e.g. to test this script)

python=${1:-}
if [[ -z "$python" ]]; then
    for candidate in ~/.pyenv/versions/3.12.1/bin/python ~/.pyenv/versions/3.11.7/bin/python \
        "$(command -v python3.12 || true)"; do
        if [[ -n "$candidate" && -x "$candidate" ]]; then python=$candidate; break; fi
    done
fi
[[ -n "$python" ]] || { echo "no Python 3.11/3.12 found; pass one as the first argument" >&2; exit 1; }
command -v g++ >/dev/null || { echo "g++ is needed to compile pyBKT's C++ extension" >&2; exit 1; }

echo "building $venv with $python"
rm -rf "$venv"
"$python" -m venv "$venv"
pip="$venv/bin/python -m pip"
$pip install --quiet --upgrade pip
$pip install --quiet wheel setuptools "numpy==2.2.6" "scikit-learn==1.6.1" pandas requests

# Trap 1: the wheel on PyPI is pure Python (about 650x slower). Build from the sdist.
sdist_dir=$(mktemp -d)
trap 'rm -rf "$sdist_dir"' EXIT
$pip download --quiet --no-deps --no-binary :all: --dest "$sdist_dir" "pybkt==1.4.3"
sdist=$(ls "$sdist_dir"/*)
$pip install --no-deps --no-build-isolation --no-binary pybkt "$sdist"

# Refuse to hand back a venv whose compiled E-step is missing.
"$venv/bin/python" - <<'PY'
import importlib, sys
from pyBKT.models import Model  # fails here if a runtime dependency is missing
try:
    mod = importlib.import_module("pyBKT.fit.E_step")
except ImportError as exc:
    sys.exit(f"pyBKT's C++ extension did not build: {exc}")
path = getattr(mod, "__file__", "") or ""
if not path.endswith(".so"):
    sys.exit(f"pyBKT.fit.E_step is not a compiled extension: {path}")
print("pyBKT C++ extension:", path)
PY
echo "done: $venv"
