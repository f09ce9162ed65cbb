"""Re-runs the calling script with the CI virtual environment's Python when selenium is not importable.

Mirrors env.sh: the venv is $CI_VENV, by default ~/.cache/build-site/ci-venv (made by install-deps.sh).
"""
import os
import sys


def path():
    cache = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.environ.get("CI_VENV") or os.path.join(cache, "build-site", "ci-venv")


def ensure_selenium():
    try:
        import selenium  # noqa: F401
    except ImportError:
        python = os.path.join(path(), "bin", "python")
        if os.path.realpath(sys.prefix) == os.path.realpath(path()) or not os.path.exists(python):
            print("selenium is not installed: run .ci/install-deps.sh", file=sys.stderr)
            raise SystemExit(2)
        os.execv(python, [python] + sys.argv)


def site_packages():
    import sysconfig
    return sysconfig.get_paths()["purelib"]
