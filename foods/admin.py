"""The food editor for admins: search, filters, magnesium per portion, portions inline, CSV/XLSX export."""

import io
import logging
import tempfile
from pathlib import Path

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, F, IntegerField, OuterRef, Subquery
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone
from django.utils.text import get_valid_filename

from core.admin_inlines import NamedTabularInline
from core.downloads import attachment
from foods.admin_forms import FoodAdminForm, FoodImportForm, PortionAdminForm, PortionInlineFormSet
from foods.models import DIET_FIELDS, MEAL_FIELDS, NUTRIENTS, Food, Portion
from foods.services import FoodFileError, FoodImportError, food_file_import
from foods.tabular import write_food_table

EXPORT_FAILED = "The export could not be written just now. Please try again in a few minutes."
UPLOAD_FAILED = (
    "The file could not be saved on the server just now, so nothing was imported. Please try again in a few minutes."
)
logger = logging.getLogger(__name__)


def _entries_using(model, objs) -> tuple[int, int]:
    """How many plan entries, in how many plans, use these foods or portions (model: Food or Portion).

    Counted through plan_entries, the name mealplanner's PlanEntry gives its food and portion: foods imports
    no app built on it."""
    found = model.objects.filter(pk__in=[obj.pk for obj in objs]).aggregate(
        entries=Count("plan_entries"), plans=Count("plan_entries__plan", distinct=True)
    )
    return found["entries"], found["plans"]


def _entries_words(entries: int, plans: int) -> str:
    return f"{entries} plan entr{'y' if entries == 1 else 'ies'} in {plans} plan{'' if plans == 1 else 's'}"


class _SaysWhoUsesIt:
    """Before a food or portion is deleted (its page or the "delete selected" action), the confirmation page
    says how many plan entries use it (issue 14), and lists at most 20 of them, not thousands."""

    entry_field = ""

    def get_deleted_objects(self, objs, request):
        deleted, counts, perms_needed, protected = super().get_deleted_objects(objs, request)
        if request.POST.get("post") != "yes":
            entries, plans = _entries_using(self.model, objs)
            if self.entry_field == "food" and entries:
                self.message_user(
                    request,
                    f"{_entries_words(entries, plans)} use this food: it cannot be deleted while they do.",
                    messages.WARNING,
                )
            elif entries:
                self.message_user(
                    request,
                    f"{_entries_words(entries, plans)} use this portion. They keep their "
                    "grams and the portion's name: deleting it changes no plan.",
                    messages.INFO,
                )
        if len(protected) > 20:
            protected = [*protected[:20], f"… and {len(protected) - 20} more"]
        return deleted, counts, perms_needed, protected


class PortionInline(NamedTabularInline):
    model = Portion
    form = PortionAdminForm
    formset = PortionInlineFormSet
    extra = 1
    fields = ("seq", "label", "grams", "is_default", "magnesium", "used_by")
    readonly_fields = ("magnesium", "used_by")

    def get_queryset(self, request):
        used = Portion.objects.filter(pk=OuterRef("pk")).annotate(n=Count("plan_entries")).values("n")
        return super().get_queryset(request).annotate(entries_using=Subquery(used, output_field=IntegerField()))

    @admin.display(description="Plan entries using it")
    def used_by(self, portion):
        # Deleting a portion changes no plan (entries keep their grams and its name); the count says who had it.
        return getattr(portion, "entries_using", None) or 0

    @admin.display(description="Magnesium in this portion")
    def magnesium(self, portion):
        # The inline formset gives each portion its parent food, so this costs no query.
        food = portion.food if portion.food_id else None
        if food is None or food.magnesium_mg is None or not portion.grams:
            return "–"
        return f"{food.magnesium_mg * portion.grams / 100:.0f} mg"


def _first_portion(column: str):
    return Subquery(Portion.objects.filter(food=OuterRef("pk")).order_by("seq", "id").values(column)[:1])


def _export(request, queryset, fmt: str) -> HttpResponse:
    """The foods as a download; if the server cannot write it, back to the changelist (filters kept)."""

    def build() -> bytes:
        buffer = io.BytesIO()
        write_food_table(queryset, buffer, fmt)
        return buffer.getvalue()

    return attachment(
        request,
        build,
        fmt,
        f"foods-{timezone.now():%Y%m%d-%H%M}.{fmt}",
        back=request.get_full_path(),
        failed=EXPORT_FAILED,
    )


def _save_upload(upload, folder: Path) -> Path:
    # Keep the file's own name, so messages name the file the admin chose.
    saved = folder / get_valid_filename(Path(upload.name).name)
    with saved.open("wb") as out:
        for chunk in upload.chunks():
            out.write(chunk)
    return saved


def _import_upload(upload, *, dry_run: bool):
    """Import the uploaded file from a temporary folder, which is removed afterwards whatever happens."""
    with tempfile.TemporaryDirectory() as folder:
        return food_file_import(path=_save_upload(upload, Path(folder)), dry_run=dry_run)


@admin.register(Food)
class FoodAdmin(_SaysWhoUsesIt, admin.ModelAdmin):
    entry_field = "food"
    form = FoodAdminForm
    inlines = [PortionInline]
    search_fields = ("name", "=ndb_number")
    list_display = (
        "name",
        "ndb_number",
        "food_group",
        "magnesium_per_100g",
        "magnesium_per_portion",
        "edited_by_admin",
    )
    list_filter = ("food_group", *DIET_FIELDS, "choking_hazard_under_4", "edited_by_admin")
    list_per_page = 50
    readonly_fields = ("edited_by_admin",)
    actions = ["export_csv", "export_xlsx", "release_to_imports"]
    fieldsets = (
        ("Identity", {"fields": ("name", "food_group", "ndb_number", "edited_by_admin")}),
        (
            "Diet facts",
            {
                "fields": [DIET_FIELDS[i : i + 2] for i in range(0, len(DIET_FIELDS), 2)],  # two per line
                "description": "Leave a fact unknown unless you have checked it: unknown counts as "
                "“not allowed” for people with that diet or allergy.",
            },
        ),
        ("Meals", {"fields": [MEAL_FIELDS]}),
        (
            "Young children",
            {
                "fields": ("choking_hazard_under_4",),
                "description": "CDC and AAP: no whole nuts or seeds, popcorn, whole grapes, chunks of meat or "
                "cheese, hard raw vegetables or fruit, hard or sticky sweets, or spoonfuls of nut "
                "butter under age 4. A hazard never goes into a young child's generated plan.",
            },
        ),
        (
            "Nutrients per 100 g",
            {
                "fields": tuple(n[0] for n in NUTRIENTS),
                "description": "Amounts in 100 g of edible food, as USDA SR28 gives them. Leave a nutrient "
                "empty when it is not known; empty is not zero.",
            },
        ),
    )

    def get_urls(self):
        view = self.admin_site.admin_view(self.import_view)
        return [path("import/", view, name="foods_food_import"), *super().get_urls()]

    def import_view(self, request):
        """Upload a food table or the SR28 zip; a dry run first shows what would change."""
        if not (self.has_add_permission(request) and self.has_change_permission(request)):
            raise PermissionDenied
        form = FoodImportForm(*((request.POST, request.FILES) if request.method == "POST" else ()))
        result = problems = None
        if request.method == "POST" and form.is_valid():
            upload, dry_run = form.cleaned_data["file"], form.cleaned_data["dry_run"]
            try:
                result = _import_upload(upload, dry_run=dry_run)
            except FoodFileError as error:
                form.add_error("file", str(error))
            except FoodImportError as error:
                problems = error.errors
            except OSError:  # a full disk, say: the form again with a plain message, the cause in the log
                logger.exception("Could not save the uploaded food file %r", upload.name)
                form.add_error("file", UPLOAD_FAILED)
            if result and not dry_run:
                self.message_user(request, result.summary(), messages.SUCCESS)
                return redirect("admin:foods_food_changelist")
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": "Import foods",
            "form": form,
            "result": result,
            "problems": problems,
        }
        return TemplateResponse(request, "admin/foods/food/import.html", context)

    def get_queryset(self, request):
        # One query for the whole page: the first portion comes from subqueries, not a query per row.
        return (
            super()
            .get_queryset(request)
            .annotate(
                first_portion_label=_first_portion("label"),
                first_portion_mg=F("magnesium_mg") * _first_portion("grams") / 100.0,
            )
        )

    @admin.display(description="Mg per 100 g", ordering="magnesium_mg")
    def magnesium_per_100g(self, food):
        return "–" if food.magnesium_mg is None else f"{food.magnesium_mg:g} mg"

    @admin.display(description="Mg per first portion", ordering="first_portion_mg")
    def magnesium_per_portion(self, food):
        if food.first_portion_mg is None:
            return "–"
        return f"{food.first_portion_mg:.0f} mg in {food.first_portion_label}"

    def save_model(self, request, obj, form, change):
        # An admin's edit wins over every later import and `load_foods`.
        obj.edited_by_admin = True
        super().save_model(request, obj, form, change)

    @admin.action(description="Export selected foods (CSV)")
    def export_csv(self, request, queryset):
        return _export(request, queryset, "csv")

    @admin.action(description="Export selected foods (XLSX)")
    def export_xlsx(self, request, queryset):
        return _export(request, queryset, "xlsx")

    @admin.action(description="Let imports update selected foods again")
    def release_to_imports(self, request, queryset):
        count = queryset.update(edited_by_admin=False)
        self.message_user(
            request, f"{count} food(s) will be updated by the next import; your edits to them may be overwritten."
        )


@admin.register(Portion)
class PortionAdmin(_SaysWhoUsesIt, admin.ModelAdmin):
    entry_field = "portion"
    form = PortionAdminForm
    list_display = ("food", "seq", "label", "grams", "is_default")
    list_select_related = ("food",)
    search_fields = ("food__name", "=food__ndb_number", "label")
    autocomplete_fields = ("food",)
    fields = ("food", "seq", "label", "grams", "is_default")

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        # The food now holds an admin's portions: imports must leave it alone.
        Food.objects.filter(pk=obj.food_id).update(edited_by_admin=True)

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        Food.objects.filter(pk=obj.food_id).update(edited_by_admin=True)

    def delete_queryset(self, request, queryset):
        food_ids = list(queryset.values_list("food_id", flat=True).distinct())
        super().delete_queryset(request, queryset)
        Food.objects.filter(pk__in=food_ids).update(edited_by_admin=True)
