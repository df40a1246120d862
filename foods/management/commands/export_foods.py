"""`manage.py export_foods PATH`: write every food as CSV, XLSX or a Django fixture (.json), by extension.

CSV and XLSX use import_foods' columns, so exporting and importing gives back the same foods.
"""

from pathlib import Path

from django.core import serializers
from django.core.management.base import BaseCommand, CommandError

from foods.models import Food, Portion
from foods.tabular import write_food_table


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
        if fmt == "json":
            with path.open("w", encoding="utf-8") as out:
                serializers.serialize(
                    "json", [*foods.order_by("pk"), *Portion.objects.order_by("pk")], stream=out, indent=1
                )
        else:
            write_food_table(foods, path, fmt)
        self.stdout.write(self.style.SUCCESS(f"Wrote {foods.count()} foods to {path}."))
