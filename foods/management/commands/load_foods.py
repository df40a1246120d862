"""`python manage.py load_foods [--fixture PATH]`: add the curated foods (fixtures/foods.json) once.

Safe to run on every `make run`: a food whose NDB number is already in the table is skipped, never
updated (an admin may have corrected it) and never duplicated. New foods arrive with their portions.
The fixture's pks are ignored, so foods added by hand or by an import keep theirs.
"""

import json
import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from foods.models import Food
from foods.services import FoodImportError, food_bulk_upsert

DEFAULT_FIXTURE = Path(settings.BASE_DIR) / "fixtures" / "foods.json"


def read_fixture(path: Path) -> list[dict]:
    """The fixture as import rows: model fields plus a `portions` list, in fixture order."""
    try:
        objects = json.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise CommandError(f"Cannot read {path}: {error.strerror or error}") from None
    except json.JSONDecodeError as error:
        raise CommandError(f"{path} is not valid JSON: {error}") from None
    if not isinstance(objects, list):
        raise CommandError(f"{path} is not a Django fixture (a list of objects)")
    foods: dict[object, dict] = {}
    portions: list[dict] = []
    for obj in objects:
        model = obj.get("model") if isinstance(obj, dict) else None
        if model == "foods.food":
            if not obj["fields"].get("ndb_number"):
                # Without an NDB number a food can't be recognised on the next run: it would be doubled.
                raise CommandError(f"{path}: food {obj['fields'].get('name')!r} has no NDB number")
            foods[obj["pk"]] = {**obj["fields"], "portions": []}
        elif model == "foods.portion":
            portions.append(obj["fields"])
        else:
            raise CommandError(f"{path}: unexpected object {model!r}; only foods.food and foods.portion belong here")
    for portion in sorted(portions, key=lambda p: p["seq"]):
        food = foods.get(portion["food"])
        if food is None:
            raise CommandError(f"{path}: a portion points at food {portion['food']!r}, which is not in the file")
        food["portions"].append({"label": portion["label"], "grams": portion["grams"], "seq": portion["seq"]})
    for food in foods.values():
        food.pop("edited_by_admin", None)  # a fresh food is never "edited by an admin"
    return list(foods.values())


class Command(BaseCommand):
    help = "Add the curated foods with their portions; foods already present (by NDB number) are left alone."

    def add_arguments(self, parser):
        parser.add_argument(
            "--fixture", type=Path, default=DEFAULT_FIXTURE, help=f"fixture to load (default: {DEFAULT_FIXTURE})"
        )

    def handle(self, *args, fixture: Path, **options):
        started = time.perf_counter()
        rows = read_fixture(fixture)
        with transaction.atomic():
            # Read the present NDB numbers inside the transaction, so the rows handed to the service
            # are exactly the new ones: it then only inserts (bulk_create), and never updates a food.
            present = set(Food.objects.filter(ndb_number__isnull=False).values_list("ndb_number", flat=True))
            new_rows = [row for row in rows if row.get("ndb_number") not in present]
            try:
                result = food_bulk_upsert(rows=new_rows)
            except FoodImportError as error:
                raise CommandError(f"{fixture}: nothing was loaded.\n" + "\n".join(error.errors)) from None
        skipped = len(rows) - len(new_rows)
        seconds = time.perf_counter() - started
        self.stdout.write(
            f"Foods: added {result.added} (with {result.portions_added} portions), "
            f"skipped {skipped} already present, in {seconds:.1f} s."
        )
