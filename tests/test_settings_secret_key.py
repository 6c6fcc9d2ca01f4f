"""The public development key: fine for manage.py, the tests and the ``kpi`` command, refused by
the production entry points (``kpi.wsgi``, ``kpi.asgi``) unless DEBUG or KPI_ALLOW_DEV_KEY=1.

The entry points are imported in a fresh interpreter each: settings are read once per process.
"""

import os
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.core.exceptions import ImproperlyConfigured

from kpi.serving import check_secret_key

ROOT = Path(__file__).parent.parent
DEV_KEY = "dev-only-not-secret-kpi-cdd-2567"


def run(code: list[str], **env: str) -> subprocess.CompletedProcess[str]:
    """*code* in a fresh interpreter with no SECRET_KEY, DEBUG or KPI_ALLOW_DEV_KEY but *env*."""
    clean = {
        k: v
        for k, v in os.environ.items()
        if k not in {"SECRET_KEY", "DEBUG", "KPI_ALLOW_DEV_KEY", "DJANGO_SETTINGS_MODULE"}
    }
    return subprocess.run(
        code,
        cwd=ROOT,
        env={**clean, "DJANGO_SETTINGS_MODULE": "kpi.settings", **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def python(statement: str, **env: str) -> subprocess.CompletedProcess[str]:
    return run([sys.executable, "-W", "ignore", "-c", statement], **env)


@pytest.mark.parametrize("entry_point", ["kpi.wsgi", "kpi.asgi"])
def test_an_entry_point_refuses_to_start_with_the_development_key(entry_point: str) -> None:
    started = python(f"import {entry_point}")

    assert started.returncode != 0
    assert "ImproperlyConfigured: SECRET_KEY is not set" in started.stderr
    assert "KPI_ALLOW_DEV_KEY=1" in started.stderr  # says how to run it anyway


@pytest.mark.parametrize(
    "env",
    [{"DEBUG": "1"}, {"KPI_ALLOW_DEV_KEY": "1"}, {"SECRET_KEY": "a-real-secret-for-the-test"}],
    ids=["debug", "allowed-explicitly", "key-set"],
)
def test_an_entry_point_starts_in_development_or_with_a_key(env: dict[str, str]) -> None:
    started = python(
        "import kpi.wsgi, kpi.asgi; print(kpi.wsgi.application, kpi.asgi.application)", **env
    )

    assert started.returncode == 0, started.stderr
    assert "WSGIHandler" in started.stdout and "ASGIHandler" in started.stdout


def test_the_development_key_itself_given_as_secret_key_is_refused() -> None:
    started = python("import kpi.wsgi", SECRET_KEY=DEV_KEY)

    assert started.returncode != 0 and "ImproperlyConfigured" in started.stderr


def test_manage_py_and_the_kpi_command_run_without_a_key() -> None:
    check = run([sys.executable, "manage.py", "check"])
    # `kpi import` configures Django before it reads the file, which is missing here.
    imported = run([sys.executable, "-m", "kpi.cli", "import", "no-such-circular.txt"])

    assert check.returncode == 0, check.stderr
    assert imported.returncode == 2 and "no-such-circular.txt" in imported.stderr
    assert "ImproperlyConfigured" not in imported.stderr


def test_kpi_allow_dev_key_0_still_refuses_the_key_everywhere() -> None:
    check = run([sys.executable, "manage.py", "check"], KPI_ALLOW_DEV_KEY="0")

    assert check.returncode != 0 and "SECRET_KEY must be set" in check.stderr


def _settings(**values: object) -> SimpleNamespace:
    base = {
        "SECRET_KEY": DEV_KEY,
        "DEVELOPMENT_SECRET_KEY": DEV_KEY,
        "DEBUG": False,
        "KPI_ALLOW_DEV_KEY": None,
    }
    return SimpleNamespace(**{**base, **values})


def test_the_check_refuses_only_the_development_key_without_debug_or_consent() -> None:
    with pytest.raises(ImproperlyConfigured):
        check_secret_key(_settings())
    with pytest.raises(ImproperlyConfigured):
        check_secret_key(_settings(KPI_ALLOW_DEV_KEY=False))

    check_secret_key(_settings(DEBUG=True))
    check_secret_key(_settings(KPI_ALLOW_DEV_KEY=True))
    check_secret_key(_settings(SECRET_KEY="another"))
