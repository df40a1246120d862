"""A tabular inline whose inputs have names: Django's own puts each input under a column heading with no
<label> (axe-core: "Form elements must have labels"), so a screen reader could not say what a cell is for."""

from typing import Any

from django import forms
from django.contrib import admin
from django.utils.text import capfirst


def name_inputs(form: forms.BaseForm) -> None:
    """Give each visible input of an inline row its field's name (the Delete checkbox too)."""
    for name, field in form.fields.items():
        if not field.widget.is_hidden:
            field.widget.attrs.setdefault("aria-label", capfirst(field.label or name))


class NamedTabularInline(admin.TabularInline):
    def get_formset(self, request: Any, obj: Any = None, **kwargs: Any) -> Any:
        base = super().get_formset(request, obj, **kwargs)

        class NamedInputsFormSet(base):  # type: ignore[valid-type,misc]
            def add_fields(self, form: forms.BaseForm, index: int | None) -> None:
                super().add_fields(form, index)
                name_inputs(form)

        return NamedInputsFormSet
