"""`manage.py export_foods PATH`: write every food as CSV, XLSX or a Django fixture (.json), by extension.

CSV and XLSX use import_foods' columns, so exporting and importing gives back the same foods. The file is
written beside PATH under a temporary name and moved into place only when complete, so a full disk never
leaves a partial file (and an earlier export at PATH stays as it was).
"""

import errno
import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from django.core import serializers
from django.core.management.base import BaseCommand, CommandError

from foods.models import Food, Portion
from foods.tabular import write_food_table


@contextmanager
def _replaced_when_complete(path: Path, mode: str = "xb", **open_args) -> Iterator[IO]:
    """A new file beside `path` (opened with `mode`, which must create it: "x" or "xb") that replaces
    `path` once written and synced; removed if anything fails."""
    # Same folder, so os.replace is a rename on one file system: readers see the old file or the new one.
    part = path.with_name(f".{path.name}.{secrets.token_hex(4)}.part")
    out = part.open(mode, **open_args)
    try:
        with out:
            yield out
            out.flush()
            os.fsync(out.fileno())  # a full disk can surface only here, when the data reaches it
        os.replace(part, path)
    except BaseException:
        part.unlink(missing_ok=True)
        raise


class Command(BaseCommand):
    help = "Write every food to PATH: .csv or .xlsx (import_foods' columns) or .json (a fixture for loaddata)."

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path)

    def handle(self, *args, path: Path, **options):
        fmt = path.suffix.lower().lstrip(".")
        if fmt not in ("csv", "xlsx", "json"):
            raise CommandError(f"{path.name}: the name must end in .csv, .xlsx or .json")
        if not path.parent.is_dir():
            raise CommandError(f"{path.parent} is not a folder")
        foods = Food.objects.all()
        try:
            if fmt == "json":
                with _replaced_when_complete(path, "x", encoding="utf-8") as out:
                    serializers.serialize(
                        "json", [*foods.order_by("pk"), *Portion.objects.order_by("pk")], stream=out, indent=1
                    )
            else:
                with _replaced_when_complete(path) as out:
                    write_food_table(foods, out, fmt)
        except OSError as error:
            advice = " Make room on the disk and try again." if error.errno in (errno.ENOSPC, errno.EDQUOT) else ""
            raise CommandError(
                f"Could not write {path} ({error.strerror or error}); no partial file was left behind.{advice}"
            ) from error
        self.stdout.write(self.style.SUCCESS(f"Wrote {foods.count()} foods to {path}."))
