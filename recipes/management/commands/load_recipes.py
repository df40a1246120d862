"""`python manage.py load_recipes [--fixture PATH]`: add the curated recipes (fixtures/recipes.json) once.

Run after load_foods (the recipes name SR28 foods by NDB number). Safe to run again: a recipe already
there is skipped, never changed. A file with any problem loads nothing and lists every problem.
"""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from recipes.curated import CuratedFileError, read_curated
from recipes.services import curated_recipes_load

DEFAULT_FIXTURE = Path(settings.BASE_DIR) / "fixtures" / "recipes.json"


class Command(BaseCommand):
    help = "Add the curated recipes (public, read only to everyone) that are not there yet."

    def add_arguments(self, parser):
        parser.add_argument("--fixture", type=Path, default=DEFAULT_FIXTURE)

    def handle(self, *args, fixture: Path, **options):
        try:
            added, skipped = curated_recipes_load(recipes=read_curated(fixture))
        except CuratedFileError as error:
            raise CommandError("Nothing loaded:\n" + "\n".join(error.problems)) from None
        self.stdout.write(f"Curated recipes: {added} added, {skipped} already there.")
