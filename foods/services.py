"""Writes to foods. Imports, `load_foods` and the admin's bulk tools all go through `food_bulk_upsert`."""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from django.db import connection, transaction
from django.db.models import ForeignObjectRel

from foods.models import DIET_FIELDS, MEAL_FIELDS, Food, Portion
from foods.rows import FoodRow, PortionRow, by_row, check_rows
from foods.sr28 import SR28Error, is_sr28, read_sr28
from foods.tabular import TableError, read_food_table
from foods.upload_limits import TableTooLarge, check_release_zip

BATCH = 500  # rows per INSERT/UPDATE and ids per IN (...): well under SQLite's variable limit


class FoodImportError(Exception):
    """The rows break the rules; nothing was written. `errors` lists every problem with its row."""

    def __init__(self, errors: list[str]):
        super().__init__(f"{len(errors)} problem(s) in the rows")
        self.errors = errors


class FoodFileError(ValueError):
    """The file cannot be read at all (missing, wrong type, damaged); nothing was written."""


@dataclass
class UpsertResult:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: list[str] = field(default_factory=list)  # foods an admin edited: never changed by an import
    portions_added: int = 0
    portions_removed: int = 0
    portions_kept_in_use: int = 0  # gone from the file but a plan still uses them, so kept
    dry_run: bool = False

    def summary(self) -> str:
        verb = ("would add", "would update", "would leave") if self.dry_run else ("added", "updated", "left")
        text = (
            f"{verb[0].capitalize()} {self.added}, {verb[1]} {self.updated}, {verb[2]} {self.unchanged} "
            f"unchanged, skipped {len(self.skipped)} edited by an admin."
        )
        if self.dry_run:
            text += " Dry run: nothing was changed."
        return text


def _chunks(items: Sequence, size: int = BATCH) -> Iterable[Sequence]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _load_matches(rows: list[FoodRow]) -> tuple[dict[str, Food], dict[tuple[str, str], Food]]:
    """Existing foods by NDB number, and hand-added foods (no NDB number) by (name, food group)."""
    by_ndb: dict[str, Food] = {}
    numbers = [r.ndb_number for r in rows if r.ndb_number]
    for chunk in _chunks(numbers):
        by_ndb.update((f.ndb_number, f) for f in Food.objects.filter(ndb_number__in=chunk) if f.ndb_number)
    by_name: dict[tuple[str, str], Food] = {}
    names = sorted({r.name for r in rows if not r.ndb_number})
    for chunk in _chunks(names):
        for food in Food.objects.filter(ndb_number__isnull=True, name__in=chunk).order_by("pk"):
            by_name.setdefault((food.name, food.food_group), food)
    return by_ndb, by_name


def _load_portions(food_ids: list[int]) -> dict[int, list[Portion]]:
    portions: dict[int, list[Portion]] = {}
    for chunk in _chunks(food_ids):
        for portion in Portion.objects.filter(food_id__in=chunk).order_by("seq", "id"):
            portions.setdefault(portion.food_id, []).append(portion)
    return portions


def _portions_in_use(portion_ids: list[int]) -> set[int]:
    """Portions another table points at (a plan entry's "1 cup"): deleting one would turn that entry's
    count of cups into grams, so they are kept. Found through the reverse relations, so foods does not
    import the apps that use it."""
    used: set[int] = set()
    relations = [
        f
        for f in Portion._meta.get_fields(include_hidden=True)  # hidden: related_name="+"
        if isinstance(f, ForeignObjectRel) and (f.one_to_many or f.one_to_one)
    ]
    for relation in relations:
        column = relation.field.attname
        for chunk in _chunks(portion_ids):
            # relation.field is the foreign key pointing at Portion; its model is the table that holds it.
            used.update(
                relation.field.model._base_manager.filter(**{f"{column}__in": chunk}).values_list(column, flat=True)
            )
    return used


def _new_food(row: FoodRow) -> Food:
    food = Food(name=row.name, food_group=row.food_group, ndb_number=row.ndb_number, **row.nutrients)
    for name in DIET_FIELDS:
        value = row.diet.get(name)
        setattr(food, name, value if value is not None else row.defaults.get(name))
    for name in MEAL_FIELDS:
        value = row.meals.get(name)
        setattr(food, name, value if value is not None else row.defaults.get(name, False))
    food.choking_hazard_under_4 = bool(row.choking_hazard_under_4)
    return food


def _apply(food: Food, row: FoodRow) -> set[str]:
    """Set the row's known values on an existing food; the names of the fields that changed."""
    wanted = {"name": row.name, "food_group": row.food_group, **row.nutrients}
    for name in DIET_FIELDS:
        value = row.diet.get(name)
        if value is None and getattr(food, name) is None:
            value = row.defaults.get(name)  # a safe guess fills only a fact nobody has set
        if value is not None:
            wanted[name] = value
    wanted.update((name, value) for name, value in row.meals.items() if value is not None)
    if row.choking_hazard_under_4 is not None:
        wanted["choking_hazard_under_4"] = row.choking_hazard_under_4
    changed = {name for name, value in wanted.items() if getattr(food, name) != value}
    for name in changed:
        setattr(food, name, wanted[name])
    return changed


@dataclass
class _PortionPlan:
    create: list[Portion] = field(default_factory=list)
    update: list[Portion] = field(default_factory=list)
    delete: list[int] = field(default_factory=list)


def _plan_portions(plan: _PortionPlan, food: Food, existing: list[Portion], wanted: list[PortionRow]) -> bool:
    """Match wanted portions to existing ones by label, keeping their ids; True if anything changes."""
    by_label: dict[str, list[Portion]] = {}
    for portion in existing:
        by_label.setdefault(portion.label, []).append(portion)
    # Seq only orders the portions (SR28 numbers may skip, a table numbers 1, 2, 3): renumber only when
    # the order itself changes.
    reorder = [p.label for p in existing] != [r.label for r in wanted]
    changed = False
    for row in wanted:
        matches = by_label.get(row.label)
        if matches:
            portion = matches.pop(0)
            seq = row.seq if reorder else portion.seq
            if (portion.seq, portion.grams) != (seq, row.grams):
                portion.seq, portion.grams = seq, row.grams
                plan.update.append(portion)
                changed = True
        else:
            plan.create.append(Portion(food=food, seq=row.seq, label=row.label, grams=row.grams))
            changed = True
    leftovers = [p.pk for group in by_label.values() for p in group]
    plan.delete.extend(leftovers)
    return changed or bool(leftovers)


def _default_portion_errors(
    rows: list[FoodRow], foods: dict[int, Food], existing: dict[int, list[Portion]]
) -> list[str]:
    """A default_portion naming a label the food will not have (the row gives no portions)."""
    errors = []
    for index, row in enumerate(rows):
        food = foods.get(index)
        if row.default_portion and row.portions is None:
            labels = {p.label for p in existing.get(food.pk, [])} if food is not None and food.pk else set()
            if row.default_portion not in labels:
                errors.append(
                    f"{row.where(index)}: default_portion {row.default_portion!r} is not one of the food's portions"
                )
    return errors


def _default_changes(food: Food, row: FoodRow, existing: list[Portion]) -> bool:
    if row.default_portion is None:
        return False
    current = next((p.label for p in existing if p.is_default), "")
    return current != row.default_portion


def _set_defaults(wanted: dict[int, str]) -> None:
    """Mark each food's default portion (food id -> label; "" leaves the food without one)."""
    ids = sorted(wanted)
    chosen = []
    for chunk in _chunks(ids):
        Portion.objects.filter(food_id__in=chunk, is_default=True).update(is_default=False)
        seen = set()
        for pk, food_id, label in (
            Portion.objects.filter(food_id__in=chunk)
            .order_by("food_id", "seq", "pk")
            .values_list("pk", "food_id", "label")
        ):
            if food_id not in seen and wanted[food_id] and label == wanted[food_id]:
                seen.add(food_id)
                chosen.append(pk)
    for chunk in _chunks(chosen):
        Portion.objects.filter(pk__in=chunk).update(is_default=True)


def _update_rows(model, objects: list, fields: list[str]) -> None:
    """UPDATE these rows' fields in batches, as one parameterised statement run with executemany.

    Measured on the full SR28 release (8,789 foods and 15,438 portions all changed): bulk_update took
    35 s, nearly all of it building a CASE/WHEN expression per field per row in Python; this takes under
    a second. Values go through each field's get_db_prep_save, as bulk_update would.
    """
    if not objects:
        return
    quote = connection.ops.quote_name
    columns = [model._meta.get_field(name) for name in fields]
    sql = (
        f"UPDATE {quote(model._meta.db_table)} SET {', '.join(f'{quote(c.column)} = %s' for c in columns)} "
        f"WHERE {quote(model._meta.pk.column)} = %s"
    )
    params = [[c.get_db_prep_save(getattr(obj, c.attname), connection) for c in columns] + [obj.pk] for obj in objects]
    with connection.cursor() as cursor:
        for chunk in _chunks(params):
            cursor.executemany(sql, chunk)


@transaction.atomic
def food_bulk_upsert(*, rows: Sequence[FoodRow | Mapping], dry_run: bool = False) -> UpsertResult:
    """Add or update foods by NDB number (hand-added foods by name and food group), all or nothing.

    Raises FoodImportError listing every bad row before anything is written. Foods an admin edited are
    skipped. A diet fact or meal a row leaves unknown keeps its value. With `dry_run` the counts say
    what would change and nothing is written.
    """
    food_rows = [r if isinstance(r, FoodRow) else FoodRow.from_mapping(r, line=i + 1) for i, r in enumerate(rows)]
    errors = check_rows(food_rows)
    if errors:
        raise FoodImportError(errors)

    result = UpsertResult(dry_run=dry_run)
    by_ndb, by_name = _load_matches(food_rows)
    existing_portions = _load_portions([f.pk for f in (*by_ndb.values(), *by_name.values())])
    matched = {
        i: by_ndb.get(r.ndb_number) if r.ndb_number else by_name.get((r.name, r.food_group))
        for i, r in enumerate(food_rows)
    }
    errors = _default_portion_errors(food_rows, {i: f for i, f in matched.items() if f is not None}, existing_portions)
    if errors:
        raise FoodImportError(errors)
    defaults: list[tuple[Food, str]] = []
    new_foods: list[tuple[Food, list[PortionRow]]] = []
    changed_foods: list[Food] = []
    changed_fields: set[str] = set()
    portions = _PortionPlan()
    for row in food_rows:
        food = by_ndb.get(row.ndb_number) if row.ndb_number else by_name.get((row.name, row.food_group))
        if food is None:
            food = _new_food(row)
            new_foods.append((food, row.portions or []))
            if row.default_portion is not None:
                defaults.append((food, row.default_portion))
            continue
        if food.edited_by_admin:
            result.skipped.append(f"{food.ndb_number or '-----'} {food.name}")
            continue
        fields = _apply(food, row)
        portions_changed = row.portions is not None and _plan_portions(
            portions, food, existing_portions.get(food.pk, []), row.portions
        )
        if row.default_portion is not None and _default_changes(food, row, existing_portions.get(food.pk, [])):
            defaults.append((food, row.default_portion))
            portions_changed = True
        if fields:
            changed_foods.append(food)
            changed_fields |= fields
        if fields or portions_changed:
            result.updated += 1
        else:
            result.unchanged += 1
    result.added = len(new_foods)

    in_use = _portions_in_use(portions.delete) if portions.delete else set()
    deletable = [pk for pk in portions.delete if pk not in in_use]
    result.portions_kept_in_use = len(in_use)
    result.portions_removed = len(deletable)
    result.portions_added = len(portions.create) + sum(len(p) for _, p in new_foods)
    if dry_run:
        return result

    Food.objects.bulk_create([food for food, _ in new_foods], batch_size=BATCH)
    portions.create.extend(
        Portion(food=food, seq=p.seq, label=p.label, grams=p.grams) for food, new in new_foods for p in new
    )
    if changed_foods:
        _update_rows(Food, changed_foods, sorted(changed_fields))
    for chunk in _chunks(deletable):
        Portion.objects.filter(pk__in=chunk).delete()
    _update_rows(Portion, portions.update, ["seq", "grams"])
    Portion.objects.bulk_create(portions.create, batch_size=BATCH)
    if defaults:
        _set_defaults({food.pk: label for food, label in defaults})
    return result


def food_file_import(*, path: Path, dry_run: bool = False) -> UpsertResult:
    """Import a CSV/XLSX food table or a USDA SR28 release (folder or zip) through food_bulk_upsert.

    Raises FoodFileError for a file that cannot be read, FoodImportError listing every bad row (cells
    that are not numbers and rule breaks alike, in row order); either way nothing is written.
    """
    path = Path(path)
    if not path.exists():
        raise FoodFileError(f"{path} does not exist.")
    sr28 = is_sr28(path)
    if not sr28 and (path.is_dir() or path.suffix.lower() == ".zip"):
        raise FoodFileError(f"{path.name} holds no FOOD_DES.txt, so it is not a USDA SR28 release.")
    if path.is_file() and path.suffix.lower() == ".zip":
        try:
            check_release_zip(path)  # before anything is unpacked
        except TableTooLarge as error:
            raise FoodFileError(str(error)) from error
    try:
        rows, errors = read_sr28(path) if sr28 else read_food_table(path)
    except (TableError, SR28Error) as error:
        raise FoodFileError(str(error)) from error
    if errors:
        # Add the rule breaks of the readable cells, so one run lists every problem.
        raise FoodImportError(by_row(errors + check_rows(rows)))
    return food_bulk_upsert(rows=rows, dry_run=dry_run)
