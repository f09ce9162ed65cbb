# Sourced by the .ci scripts and Benchmarks/run.sh: where the Python tools live.
# The tools go into their own virtual environment so that they never touch the
# system Python (Debian's is "externally managed", PEP 668). Override with CI_VENV.
CI_VENV="${CI_VENV:-${XDG_CACHE_HOME:-$HOME/.cache}/build-site/ci-venv}"
CI_PY="$CI_VENV/bin/python"

# ci_site_packages: the venv's site-packages folder, where the bundled vnu.jar and axe.min.js are.
ci_site_packages() {
  "$CI_PY" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])'
}
