"""`manage.py import_foods PATH [--dry-run]`: add or update foods from a CSV/XLSX table or USDA SR28.

All or nothing: a file with any bad row changes nothing, and every bad row is listed.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from foods.services import FoodFileError, FoodImportError, food_file_import
from foods.tabular import COLUMNS


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
        try:
            result = food_file_import(path=path, dry_run=dry_run)
        except FoodFileError as error:
            raise CommandError(str(error)) from error
        except FoodImportError as error:
            for line in error.errors:
                self.stderr.write(line)
            raise CommandError(
                f"{path.name}: {len(error.errors)} problem(s) listed above; nothing was imported."
            ) from error
        for name in result.skipped:
            self.stdout.write(f"skipped (edited by an admin): {name}")
        if result.portions_kept_in_use:
            self.stdout.write(
                f"kept {result.portions_kept_in_use} portion(s) no longer in the file because plans still use them"
            )
        if not dry_run and connection.vendor == "postgresql":
            # Fresh statistics, or PostgreSQL may skip the name search index until autovacuum runs.
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE foods_food")
        self.stdout.write(self.style.SUCCESS(result.summary()))
