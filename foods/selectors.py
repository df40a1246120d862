"""Reads of foods that several pages share: the food search and the list of food groups.

`search_foods` is the one food search of the app (the Foods page, the plan editor's food picker, ...).
It works the same on SQLite and PostgreSQL: the database only narrows the rows; the word-prefix check,
the relevance score and the sorting happen in Python (`foods.search_ranking`), on a few columns per row,
so every database returns the same foods in the same order. Whatever the number of results it costs
two queries (a third, reading every name, only when nothing matched and a typo is looked for): the
candidates' few columns, then the shown foods joined with their portions. A query
word stands for its forms and synonyms (foods.search_terms, foods.synonyms). The narrowing uses the name index of migration 0002 (prefix queries, no scan of all
8,789 SR28 names): FTS5 on SQLite, a tsvector GIN index on PostgreSQL; elsewhere, or for words an index
may split differently (non-ASCII), it uses portable `icontains` filters.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import NamedTuple

from django.db import connections, router
from django.db.models import BooleanField, OuterRef, Q, Subquery
from django.db.models.expressions import RawSQL

from foods.diet import ALLERGENS, DIETS, allowed_filter, diet_conflicts
from foods.models import DIET_FIELDS, MEALS, Food, Portion
from foods.search_ranking import ORDERS, Candidate, name_words, query_words, rank, terms_match
from foods.search_terms import Term, correct_word, query_terms, starts_a_word, typo_candidate, vocabulary

# A longer query is surely not a food name; the words past these are ignored.
MAX_QUERY_WORDS = 8
MAX_WORD_LENGTH = 40


class PortionInfo(NamedTuple):
    """A food's first household measure from SR28's WEIGHT file, e.g. ("1 cup", 30.0)."""

    label: str
    grams: float


class FoodPortion(NamedTuple):
    """One portion of a found food, as the add forms offer it (a foods.portions.PortionLike)."""

    pk: int
    seq: int
    label: str
    grams: float
    is_default: bool


@dataclass
class FoodResult:
    """One food found, with the figures the lists show. None always means "unknown", never zero."""

    food: Food
    mg_per_100g: float | None
    first_portion: PortionInfo | None
    first_portion_id: int | None
    mg_per_portion: float | None
    mg_per_100kcal: float | None
    conflicts: list[str] = field(default_factory=list)
    # Every portion of the food, in SR28's order (the first is `first_portion`).
    portions: list[FoodPortion] = field(default_factory=list)

    @property
    def suits(self) -> bool:
        return not self.conflicts

    @property
    def energy_kcal(self) -> float | None:
        return self.food.energy_kcal


class FoodResults(list):
    """The results (at most `limit`) plus `total`, how many foods matched before the limit, and
    `corrected`: the words searched instead when a typed word matched no food name ("spinch" -> "spinach")."""

    total: int = 0
    corrected: str | None = None


def food_groups() -> list[str]:
    """The USDA food groups present in the database, alphabetically."""
    groups = Food.objects.exclude(food_group="").order_by("food_group").values_list("food_group", flat=True)
    return list(groups.distinct())


# Query 2's columns: every field of a food (a full Food, as callers expect), then its portions' (FoodPortion).
_FOOD_COLUMNS = [f.attname for f in Food._meta.concrete_fields]
_PORTION_COLUMNS = ("portions__id", "portions__seq", "portions__label", "portions__grams", "portions__is_default")


def _first_portion(column: str) -> Subquery:
    # Portions are ordered by SR28's Seq: the first is USDA's usual household measure.
    return Subquery(Portion.objects.filter(food=OuterRef("pk")).order_by("seq", "id").values(column)[:1])


# Per database alias and name: whether the name index of migration 0002 exists there.
_fts_ready: dict[tuple[str, str], bool] = {}
# The same expression as migration 0002's PostgreSQL index, so the planner uses it.
_PG_NAME_VECTOR = "to_tsvector('simple'::regconfig, regexp_replace(\"foods_food\".\"name\", '[^[:alnum:]]+', ' ', 'g'))"
_INDEX_CHECK = {
    "sqlite": "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'foods_food_fts'",
    "postgresql": "SELECT 1 FROM pg_indexes WHERE indexname = 'foods_food_name_tsv'",
}


def _name_index_ready(alias: str) -> bool:
    connection = connections[alias]
    if connection.vendor not in _INDEX_CHECK:
        return False
    key = (alias, str(connection.settings_dict["NAME"]))
    if key not in _fts_ready:
        with connection.cursor() as cursor:
            cursor.execute(_INDEX_CHECK[connection.vendor])
            _fts_ready[key] = cursor.fetchone() is not None
    return _fts_ready[key]


def _name_filter(db: str, terms: list[Term]) -> tuple[str, tuple]:
    """How to narrow foods by name on this database, and the values that takes: the full-text index's
    match ("fts" on SQLite, "tsquery" on PostgreSQL), or LIKE filters without the index. Each term is
    one of its prefixes (its forms and synonym) and every term must match."""
    if not terms:
        return "none", ()
    if all(p.isascii() for t in terms for p in t.prefixes) and _name_index_ready(db):
        # Prefixes are letters and digits only (query_words), so quoting them is safe.
        if connections[db].vendor == "postgresql":
            # A tsquery literal, not to_tsquery(): the words are already lower case; ('pumpkin':*) & ('seed':*)
            return "tsquery", (" & ".join("(" + " | ".join(f"'{p}':*" for p in t.prefixes) + ")" for t in terms),)
        # FTS5: ("cashew"*) AND ("nut"*)
        return "fts", (" AND ".join("(" + " OR ".join(f'"{p}"*' for p in t.prefixes) + ")" for t in terms),)
    return "like", tuple(t.prefixes for t in terms)


def _matching(filters: tuple, *values):
    """The foods that pass the filters and may hold every term as a word start (a superset: the Python
    check decides). `values` are the name filter's, then the group when there is one."""
    kind, name_count, has_group, meal, only_suitable, diet, allergies = filters
    names, group = values[:name_count], (values[name_count] if has_group else None)
    foods = Food.objects.all()
    if group is not None:
        foods = foods.filter(food_group=group)
    if meal:
        foods = foods.filter(**{f"suits_{meal}": True})
    if only_suitable:
        foods = foods.filter(**allowed_filter(diet=diet, allergies=allergies))
    if kind == "tsquery":
        # A condition on the row itself, not "id IN (subquery)": without fresh statistics (right after a
        # bulk import) PostgreSQL may plan that subquery as a nested loop over the whole table twice.
        return foods.filter(RawSQL(f"{_PG_NAME_VECTOR} @@ %s::tsquery", [names[0]], output_field=BooleanField()))
    if kind == "fts":
        return foods.filter(id__in=RawSQL("SELECT rowid FROM foods_food_fts WHERE foods_food_fts MATCH %s", [names[0]]))
    for prefixes in names:
        any_form = Q()
        for prefix in prefixes:
            any_form |= Q(name__icontains=prefix)
        foods = foods.filter(any_form)
    return foods


def _candidates(filters: tuple, values: tuple, portion: bool):
    """Query 1: a few columns of every food that may match (id, name, magnesium, energy[, first portion's grams])."""
    candidates = _matching(filters, *values).order_by()
    if portion:
        candidates = candidates.annotate(portion_grams=_first_portion("grams"))
    return candidates.values_list("id", "name", "magnesium_mg", "energy_kcal", *(["portion_grams"] if portion else []))


def _filtered_by_name(db: str, terms: list[Term]):
    kind, values = _name_filter(db, terms)
    return _matching((kind, len(values), False, None, False, "none", ()), *values).order_by()


def _corrected(db: str, terms: list[Term]) -> list[str] | None:
    """The query's words with each word that starts no word of any food name replaced by the name word one
    typo away ("spinch" -> "spinach"); None when no word needed it or none could be corrected.

    Only a search that found nothing pays for it: per word, the names with a word starting like it (its first
    three letters, then its first two: at most 2,863 names in SR28, for "co") through the name index. So a
    typo in the first two letters is not corrected: looking up every one-edit variant instead took
    PostgreSQL's index half a second for their 250 prefixes. No LIMIT and no exists(): with one, PostgreSQL
    may plan a scan of every name in the hope of stopping early, and a typo matches nothing."""
    fixed, changed = [], False
    for t in terms:
        word = None
        # A curated synonym is no typo (its SR28 word may start differently: "porridge" -> "oats").
        if typo_candidate(t.typed) and not t.hints:
            for start in (t.typed[:3], t.typed[:2]):
                near = [Term(t.typed, (start,), frozenset(), frozenset())]
                vocab = vocabulary(_filtered_by_name(db, near).values_list("name", flat=True))
                if starts_a_word(t, vocab):
                    break  # a real word (another one made the search come back empty)
                word = correct_word(t.typed, vocab)
                if word:
                    break
        fixed.append(word or t.typed)
        changed = changed or word is not None
    return fixed if changed else None


def _mg_per_portion(mg: float | None, grams: float | None) -> float | None:
    # SR28 (README "WEIGHT"): nutrient in one portion = Nutr_Val * Gm_Wgt / 100.
    if mg is None or grams is None:
        return None
    return mg * grams / 100


def _mg_per_100kcal(mg: float | None, kcal: float | None) -> float | None:
    if mg is None or not kcal:
        return None
    return mg * 100 / kcal


def _ranked(terms: list[Term], db, group, meal, only_suitable, diet, allergies, order):
    """Query 1 and the ranking: the matching candidates best first, and the filters that found them."""
    kind, name_values = _name_filter(db, terms)
    filters = (kind, len(name_values), bool(group), meal, only_suitable, diet, allergies)
    values = (*name_values, *([group] if group else []))
    candidates = []
    for row in _candidates(filters, values, order == "portion"):
        split = None
        if terms:
            split = name_words(row[1])
            if not terms_match(terms, split):
                continue
        grams = row[4] if order == "portion" else None
        candidates.append(
            Candidate(row[0], row[1], row[2], _mg_per_portion(row[2], grams), _mg_per_100kcal(row[2], row[3]), split)
        )
    return rank(candidates, terms, order=order), filters, values


def search_foods(
    query: str = "",
    *,
    group: str | None = None,
    diet: str = "none",
    allergies: Iterable[str] = (),
    only_suitable: bool = False,
    meal: str | None = None,
    order: str = "relevance",
    limit: int | None = 50,
) -> FoodResults:
    """Foods whose name has every query word (or its stem, singular or synonym: foods.search_terms) as the
    start of one of its words, in any order. When that finds nothing, a word that starts no food name at
    all is corrected by one typo and the search made again (`results.corrected` says with what words).

    - `order`: "relevance" (see foods.search_ranking; with no words, the richest in magnesium first),
      "magnesium" (mg per 100 g), "portion" (mg per first portion), "kcal" (mg per 100 kcal), all
      highest first with unknown values last, or "name".
    - `only_suitable`: leave out foods that do not suit `diet`/`allergies` (an unknown fact does not suit).
      Otherwise every result lists its `conflicts` (empty when it suits).
    - `meal`: only foods marked as suiting that meal ("breakfast", "lunch", "dinner", "snack").
    Raises ValueError for an unknown order, diet, allergen or meal: callers validate user input first.
    """
    allergies = tuple(allergies)
    if order not in ORDERS:
        raise ValueError(f"Unknown order {order!r}; known: {', '.join(ORDERS)}.")
    if diet not in DIETS:
        raise ValueError(f"Unknown diet {diet!r}; known: {', '.join(DIETS)}.")
    unknown = [a for a in allergies if a not in ALLERGENS]
    if unknown:
        raise ValueError(f"Unknown allergen {unknown[0]!r}; known: {', '.join(ALLERGENS)}.")
    if meal is not None and meal not in MEALS:
        raise ValueError(f"Unknown meal {meal!r}; known: {', '.join(MEALS)}.")

    words = [w[:MAX_WORD_LENGTH] for w in query_words(query or "")[:MAX_QUERY_WORDS]]
    db = router.db_for_read(Food)
    search = (db, group, meal, only_suitable, diet, allergies, order)
    terms = query_terms(words)
    ranked, filters, values = _ranked(terms, *search)
    corrected = None
    if not ranked and terms:
        fixed = _corrected(db, terms)
        if fixed is not None:
            terms = query_terms(fixed)
            ranked, filters, values = _ranked(terms, *search)
            corrected = " ".join(fixed) if ranked else None
    total = len(ranked)
    if limit is not None:
        ranked = ranked[: max(limit, 0)]

    results = FoodResults()
    results.total = total
    results.corrected = corrected
    if not ranked:
        return results

    # Query 2: the full rows of the foods shown, joined with their portions (one row per portion, or one
    # with none): a join costs a third of what a subquery per column of the first portion did to build.
    ids = [c.id for c in ranked]
    # By id alone when some are left out: they already passed the filters (looking them up again by
    # name would scan on PostgreSQL). All of them: the same filters again (no list of thousands of ids).
    shown = Food.objects.filter(id__in=ids) if len(ids) < total else _matching(filters, *values)
    by_id: dict[int, tuple[Food, list[FoodPortion]]] = {}
    for row in shown.order_by("id", "portions__seq", "portions__id").values_list(*_FOOD_COLUMNS, *_PORTION_COLUMNS):
        food_id = row[0]
        if food_id not in by_id:
            by_id[food_id] = (Food.from_db(db, _FOOD_COLUMNS, row[: len(_FOOD_COLUMNS)]), [])
        if row[len(_FOOD_COLUMNS)] is not None:
            by_id[food_id][1].append(FoodPortion(*row[len(_FOOD_COLUMNS) :]))
    for food_id in ids:
        if food_id not in by_id:  # deleted between the two queries
            continue
        food, portions = by_id[food_id]
        first = portions[0] if portions else None
        facts = {name: getattr(food, name) for name in DIET_FIELDS}
        results.append(
            FoodResult(
                food=food,
                mg_per_100g=food.magnesium_mg,
                first_portion=PortionInfo(first.label, first.grams) if first else None,
                first_portion_id=first.pk if first else None,
                mg_per_portion=_mg_per_portion(food.magnesium_mg, first.grams if first else None),
                mg_per_100kcal=_mg_per_100kcal(food.magnesium_mg, food.energy_kcal),
                conflicts=diet_conflicts(facts, diet=diet, allergies=allergies),
                portions=portions,
            )
        )
    return results
