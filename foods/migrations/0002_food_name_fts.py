"""A full-text index of food names, so the search finds its candidates without scanning every name.

SQLite: FTS5 (built into the sqlite3 library Python ships), an external-content table over
foods_food.name kept in step by triggers, so every write (the ORM, bulk upserts, raw SQL) updates it.
PostgreSQL: a GIN index on the names' words as a tsvector (built-in full-text search: no extension, so
no superuser needed). Other databases keep the portable `icontains` filter (foods.selectors).
"""

from django.db import migrations

CREATE = [
    # unicode61 splits words on anything not a letter or digit, as foods.search_ranking does; it folds
    # case and diacritics, so it may find a little more than the search wants, never less: the Python
    # word check that follows decides.
    """CREATE VIRTUAL TABLE foods_food_fts USING fts5(
        name, content='foods_food', content_rowid='id', tokenize='unicode61 remove_diacritics 2')""",
    """CREATE TRIGGER foods_food_fts_ai AFTER INSERT ON foods_food BEGIN
        INSERT INTO foods_food_fts(rowid, name) VALUES (new.id, new.name); END""",
    """CREATE TRIGGER foods_food_fts_ad AFTER DELETE ON foods_food BEGIN
        INSERT INTO foods_food_fts(foods_food_fts, rowid, name) VALUES ('delete', old.id, old.name); END""",
    """CREATE TRIGGER foods_food_fts_au AFTER UPDATE OF name ON foods_food BEGIN
        INSERT INTO foods_food_fts(foods_food_fts, rowid, name) VALUES ('delete', old.id, old.name);
        INSERT INTO foods_food_fts(rowid, name) VALUES (new.id, new.name); END""",
    # Index the foods already there (a database migrated after the import).
    "INSERT INTO foods_food_fts(foods_food_fts) VALUES ('rebuild')",
]
DROP = [
    "DROP TRIGGER IF EXISTS foods_food_fts_ai",
    "DROP TRIGGER IF EXISTS foods_food_fts_ad",
    "DROP TRIGGER IF EXISTS foods_food_fts_au",
    "DROP TABLE IF EXISTS foods_food_fts",
]


# PostgreSQL: every run of characters that are not letters or digits becomes a space first, so the
# parser sees only words (no "low-fat", "1.5" or "a/b" tokens): each word of the name is then a lexeme,
# as foods.search_ranking splits it. foods.selectors repeats this expression to use the index.
PG_NAME_VECTOR = "to_tsvector('simple'::regconfig, regexp_replace(name, '[^[:alnum:]]+', ' ', 'g'))"
PG_CREATE = f"CREATE INDEX IF NOT EXISTS foods_food_name_tsv ON foods_food USING gin ({PG_NAME_VECTOR})"
PG_DROP = "DROP INDEX IF EXISTS foods_food_name_tsv"


def _fts5_available(connection) -> bool:
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA compile_options")
        return any(row[0] == "ENABLE_FTS5" for row in cursor.fetchall())


def create_index(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor == "postgresql":
        schema_editor.execute(PG_CREATE)
        # Fresh statistics, or the planner may judge the table small and compute every name's vector
        # instead of using the index (measured: 58 ms instead of 1.7 ms on SR28 before ANALYZE).
        schema_editor.execute("ANALYZE foods_food")
        return
    if connection.vendor != "sqlite" or not _fts5_available(connection):
        return  # the search falls back to icontains
    for statement in CREATE:
        schema_editor.execute(statement)


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(PG_DROP)
    if schema_editor.connection.vendor == "sqlite":
        for statement in DROP:
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("foods", "0001_initial")]

    operations = [migrations.RunPython(create_index, drop_index, elidable=False)]
