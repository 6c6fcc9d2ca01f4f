"""Scratch SQLite databases for the benchmarks that need Django, never the project's own.

``start_django`` points Django at a folder of its own (whatever ``DATABASE_URL`` says) and
migrates one template file there. ``ScratchDatabases.fresh()`` copies the template to a new
file and connects to it, so each run starts from an empty, migrated database without paying
for the migrations again (they take seconds; an import takes a fraction of one).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


class ScratchDatabases:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.template = folder / "template.sqlite3"
        self.media = folder / "media"
        self._count = 0

    @contextmanager
    def fresh(self) -> Iterator[None]:
        """Connected to a new copy of the template, with an empty ``MEDIA_ROOT``, until exit."""
        from django.db import connection

        connection.close()
        self._count += 1
        path = self.folder / f"run-{self._count}.sqlite3"
        shutil.copyfile(self.template, path)
        # An earlier run's stored circular would be reused by the importer, not written.
        shutil.rmtree(self.media, ignore_errors=True)
        connection.settings_dict["NAME"] = str(path)
        try:
            yield
        finally:
            connection.close()
            path.unlink()


def start_django(folder: Path) -> ScratchDatabases:
    """Django set up on SQLite files in *folder*, its template database migrated."""
    databases = ScratchDatabases(folder)
    os.environ["DATABASE_URL"] = f"sqlite:///{databases.template}"
    os.environ["MEDIA_ROOT"] = str(databases.media)
    os.environ["DJANGO_SETTINGS_MODULE"] = "kpi.settings"
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    call_command("migrate", verbosity=0)
    connection.close()
    return databases
