"""The Django admin for staff: people, their cabinets and plans, readable at a glance."""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from core.admin_inlines import NamedTabularInline
from mealplanner.entry_amounts import planned_amount
from mealplanner.models import Medicine, Plan, PlanEntry, Profile, SupplementProduct, User


@admin.register(User)
class PlannerUserAdmin(UserAdmin):
    list_display = ("username", "email", "is_dietitian", "is_staff", "is_active", "date_joined")
    list_filter = ("is_dietitian", *UserAdmin.list_filter)
    fieldsets = (*(UserAdmin.fieldsets or ()), ("Meal planner", {"fields": ("is_dietitian",)}))


class MedicineInline(NamedTabularInline):
    model = Medicine
    extra = 0


class SupplementInline(NamedTabularInline):
    model = SupplementProduct
    extra = 0


@admin.register(Profile)
class ProfileAdmin(admin.ModelAdmin):
    list_display = ("name", "user", "dietitian", "sex", "age_years", "birth_date", "diet", "custom_target_mg")
    list_filter = ("sex", "diet", "pregnant", "lactating", "kidney_disease", "restless_legs")
    search_fields = ("name", "user__username", "user__email", "dietitian__username")
    list_select_related = ("user", "dietitian")
    raw_id_fields = ("user", "dietitian")
    inlines = (MedicineInline, SupplementInline)


@admin.register(Medicine)
class MedicineAdmin(admin.ModelAdmin):
    list_display = ("name", "medicine_class", "time_taken", "profile")
    list_filter = ("medicine_class",)
    search_fields = ("name", "profile__name")
    list_select_related = ("profile",)
    raw_id_fields = ("profile",)


@admin.register(SupplementProduct)
class SupplementProductAdmin(admin.ModelAdmin):
    list_display = ("name", "kind", "form", "elemental_mg_per_unit", "compound_mg_per_unit", "prescribed", "profile")
    list_filter = ("kind", "form", "prescribed")
    search_fields = ("name", "profile__name")
    list_select_related = ("profile",)
    raw_id_fields = ("profile",)


def _store_planned_amount(entry: PlanEntry) -> None:
    """An admin's change of an entry's amount stores its grams and portion name, as the services do
    (mealplanner.entry_amounts): what the plan shows is what is stored."""
    if entry.food_id:
        for name, value in planned_amount(entry.quantity, entry.portion).items():
            setattr(entry, name, value)


class PlanEntryInline(NamedTabularInline):
    model = PlanEntry
    extra = 0
    fields = (
        "day",
        "meal",
        "food",
        "recipe_name",
        "portion",
        "quantity",
        "grams",
        "portion_label",
        "supplement",
        "time_taken",
        "status",
        "pinned",
        "generated",
    )
    # A recipe entry's dish is kept as planned (issue 16): changed through the plan page only.
    readonly_fields = ("grams", "portion_label", "recipe_name")
    raw_id_fields = ("food", "portion", "supplement")


@admin.register(Plan)
class PlanAdmin(admin.ModelAdmin):
    list_display = ("name", "profile", "start_date", "is_template", "shared_with_client", "created_by", "updated")
    list_filter = ("is_template", "shared_with_client", "client_can_edit")
    search_fields = ("name", "profile__name", "created_by__username")
    date_hierarchy = "start_date"
    list_select_related = ("profile", "created_by")
    raw_id_fields = ("profile", "created_by")
    inlines = (PlanEntryInline,)

    def save_formset(self, request, form, formset, change):
        entries = formset.save(commit=False)
        for entry in entries:
            _store_planned_amount(entry)
            entry.save()
        for entry in formset.deleted_objects:
            entry.delete()
        formset.save_m2m()


@admin.register(PlanEntry)
class PlanEntryAdmin(admin.ModelAdmin):
    list_display = ("plan", "day", "meal", "food", "recipe_name", "supplement", "quantity", "status")
    list_filter = ("meal", "status", "generated", "pinned")
    search_fields = ("plan__name", "food__name", "supplement__name")
    list_select_related = ("plan", "food", "supplement")
    raw_id_fields = ("plan", "food", "portion", "supplement", "recipe")
    readonly_fields = ("grams", "portion_label", "recipe_name")

    def save_model(self, request, obj, form, change):
        _store_planned_amount(obj)
        super().save_model(request, obj, form, change)
