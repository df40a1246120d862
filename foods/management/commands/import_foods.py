"""`manage.py import_foods PATH [--dry-run]`: add or update foods from a CSV/XLSX table or USDA SR28.

All or nothing: a file with any bad row changes nothing, and every bad row is listed.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from foods.rows import by_row, check_rows
from foods.services import FoodImportError, food_bulk_upsert
from foods.sr28 import SR28Error, is_sr28, read_sr28
from foods.tabular import COLUMNS, TableError, read_food_table


class Command(BaseCommand):
    help = (
        "Add or update foods by NDB number from a .csv or .xlsx file with the columns "
        f"{', '.join(COLUMNS)} (portions as '1 cup=30; 1 oz=28.35'), or from the USDA SR28 ASCII "
        "release (its folder, sr28asc.zip, or a folder with NUT_DATA.txt.gz). Foods an admin edited "
        "are never changed."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path, help="CSV or XLSX file, SR28 folder or SR28 zip")
        parser.add_argument("--dry-run", action="store_true", help="report what would change; change nothing")

    def handle(self, *args, path: Path, dry_run: bool, **options):
        if not path.exists():
            raise CommandError(f"{path} does not exist.")
        if path.is_dir() or path.suffix.lower() == ".zip":
            if not is_sr28(path):
                raise CommandError(f"{path} holds no FOOD_DES.txt, so it is not a USDA SR28 release.")
        try:
            rows, errors = read_sr28(path) if is_sr28(path) else read_food_table(path)
        except (TableError, SR28Error) as error:
            raise CommandError(str(error)) from error
        try:
            if errors:
                # Report the rule breaks of the readable cells too, so one run lists every problem.
                raise FoodImportError(by_row(errors + check_rows(rows)))
            result = food_bulk_upsert(rows=rows, dry_run=dry_run)
        except FoodImportError as error:
            for line in error.errors:
                self.stderr.write(line)
            raise CommandError(
                f"{path.name}: {len(error.errors)} problem(s) listed above; nothing was imported."
            ) from error
        for name in result.skipped:
            self.stdout.write(f"skipped (edited by an admin): {name}")
        if result.portions_kept_in_use:
            self.stdout.write(f"kept {result.portions_kept_in_use} portion(s) no longer in the file "
                              "because plans still use them")
        self.stdout.write(self.style.SUCCESS(result.summary()))
