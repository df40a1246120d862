"""The Django admin for staff: people, their cabinets and plans, readable at a glance."""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from mealplanner.models import Medicine, Plan, PlanEntry, Profile, SupplementProduct, User


@admin.register(User)
class PlannerUserAdmin(UserAdmin):
    list_display = ("username", "email", "is_dietitian", "is_staff", "is_active", "date_joined")
    list_filter = ("is_dietitian", *UserAdmin.list_filter)
    fieldsets = (*UserAdmin.fieldsets, ("Meal planner", {"fields": ("is_dietitian",)}))


class MedicineInline(admin.TabularInline):
    model = Medicine
    extra = 0


class SupplementInline(admin.TabularInline):
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


class PlanEntryInline(admin.TabularInline):
    model = PlanEntry
    extra = 0
    fields = ("day", "meal", "food", "portion", "quantity", "supplement", "time_taken", "status", "pinned", "generated")
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


@admin.register(PlanEntry)
class PlanEntryAdmin(admin.ModelAdmin):
    list_display = ("plan", "day", "meal", "food", "supplement", "quantity", "status")
    list_filter = ("meal", "status", "generated", "pinned")
    search_fields = ("plan__name", "food__name", "supplement__name")
    list_select_related = ("plan", "food", "supplement")
    raw_id_fields = ("plan", "food", "portion", "supplement")
