"""Queries that every plan request runs, compiled to SQL once per process instead of on every request.

Django turns a queryset into SQL each time it runs; for the access check behind every plan page that costs
~0.7 ms, more than ten times running it. A `CompiledQuery` builds its queryset once (per database), with
stand-in values where a request's values go, keeps the SQL, and runs it with the request's values in their
place. Rows go through the ORM's own converters and `from_db`, and related objects are attached the way
`select_related` does it, so the instances are the ones the ORM would give. Anything unexpected in the
compiled query (a stand-in that is not found, a shape not handled here) falls back to the ORM.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from django.db import connections, router
from django.db.models import Model, QuerySet

# Stand-ins for the values a request supplies: numbers no real id or flag could equal, and texts no one
# types (a NUL character).
_STAND_INS = tuple(-7_700_000_000 - n for n in range(64))
_TEXT_STAND_INS = tuple(f"\x00stand-in-{n}\x00" for n in range(64))


class CompiledQuery:
    """`make(*values)` is a queryset of one model (with at most one level of select_related, and any
    annotations) whose parameters include `values`; `first(*values)` gives what `make(*values).first()`
    would, `all(*values)` what `list(make(*values))` would, and for a values_list() queryset `rows(*values)`
    its tuples, faster. Values are numbers or texts."""

    def __init__(self, model: type[Model], make: Callable[..., QuerySet]):
        self.model, self.make = model, make
        self._plans: dict[tuple, _Plan | None] = {}
        self._lock = threading.Lock()

    def first(self, *values):
        db, plan = self._plan(values, "first")
        if plan is None:
            return self.make(*values).using(db).first()
        rows = plan.run(db, values)
        return rows[0] if rows else None

    def all(self, *values) -> list:
        db, plan = self._plan(values, "all")
        if plan is None:
            return list(self.make(*values).using(db))
        return plan.run(db, values)

    def rows(self, *values) -> list[tuple]:
        db, plan = self._plan(values, "rows")
        if plan is None:
            return list(self.make(*values).using(db))
        return plan.run(db, values)

    def _plan(self, values: tuple, mode: str):
        db = router.db_for_read(self.model)
        if not all(type(value) in (int, str) for value in values):
            return db, None  # None (IS NULL), dates, lists...: the SQL could differ in shape, so the ORM's way
        texts = tuple(isinstance(value, str) for value in values)
        key = (db, mode, texts)
        plan = self._plans.get(key, False)
        if plan is False:
            with self._lock:
                plan = self._plans[key] = _Plan.compile(self.make, db, texts, mode)
        return db, plan


class _Plan:
    """One compiled query: its SQL, where the request's values go, and how to make instances of a row."""

    @classmethod
    def compile(cls, make, db: str, texts: tuple[bool, ...], mode: str) -> _Plan | None:
        if len(texts) > len(_STAND_INS):
            return None
        stand_ins = [(_TEXT_STAND_INS if text else _STAND_INS)[n] for n, text in enumerate(texts)]
        queryset = make(*stand_ins).using(db)
        if mode == "first":
            queryset = queryset[:1]
        compiler = queryset.query.get_compiler(using=db)
        sql, params = compiler.as_sql()
        slots = [stand_ins.index(value) if type(value) in (int, str) and value in stand_ins else None
                 for value in params]
        if {n for n in slots if n is not None} != set(range(len(texts))):
            return None  # a value was changed on its way into the SQL: the ORM's way
        info = None if mode == "rows" else compiler.klass_info  # rows(): the converted tuples are the answer
        if mode != "rows" and (info is None or any(r.get("related_klass_infos")
                                                   for r in info.get("related_klass_infos", ()))):
            return None  # not a plain model query with one level of select_related
        return cls(compiler, sql, list(params), slots, info)

    def __init__(self, compiler, sql, params, slots, info):
        self.compiler, self.sql, self.params, self.slots = compiler, sql, params, slots
        self.converters = compiler.get_converters([expr for expr, _, _ in compiler.select])
        if info is None:
            self.main = None
            return
        self.main = _Maker(info, compiler)
        self.related = [(_Maker(r, compiler), r["local_setter"], r["remote_setter"])
                        for r in info.get("related_klass_infos", ())]
        self.annotations = list(compiler.annotation_col_map.items())

    def run(self, db: str, values: tuple):
        params = [value if slot is None else values[slot] for value, slot in zip(self.params, self.slots)]
        with connections[db].cursor() as cursor:
            cursor.execute(self.sql, params)
            rows = cursor.fetchall()
        if self.converters:
            rows = self.compiler.apply_converters(rows, self.converters)
        if self.main is None:
            return [tuple(row) for row in rows]
        objs = []
        for row in rows:
            obj = self.main.make(db, row)
            for maker, local_setter, remote_setter in self.related:
                related = maker.make(db, row)
                local_setter(obj, related)
                if related is not None:
                    remote_setter(related, obj)
            for name, index in self.annotations:
                setattr(obj, name, row[index])
            objs.append(obj)
        return objs


class _Maker:
    """Instances of one model from its columns of a row (None when its primary key is NULL: no row)."""

    def __init__(self, info, compiler):
        self.model = info["model"]
        self.indexes = info["select_fields"]
        self.names = [compiler.select[i][0].target.attname for i in self.indexes]
        self.pk_index = self.indexes[self.names.index(self.model._meta.pk.attname)]

    def make(self, db, row):
        if row[self.pk_index] is None:
            return None
        return self.model.from_db(db, self.names, [row[i] for i in self.indexes])
