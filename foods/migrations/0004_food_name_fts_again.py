"""Put the food names' full-text index back after 0003.

On SQLite, 0003's new NOT NULL column made Django rebuild foods_food (a new table, the rows copied, the old
one dropped), and the triggers that keep foods_food_fts in step went with the old table: foods added after
that were not found by the search. This drops what is left and builds the index again, as 0002 does.
"""

import importlib

from django.db import migrations

fts = importlib.import_module("foods.migrations.0002_food_name_fts")


def rebuild(apps, schema_editor):
    fts.drop_index(apps, schema_editor)
    fts.create_index(apps, schema_editor)


class Migration(migrations.Migration):
    dependencies = [("foods", "0003_choking_hazard_and_default_portion")]

    operations = [migrations.RunPython(rebuild, migrations.RunPython.noop, elidable=False)]
