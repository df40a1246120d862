from django.urls import path

from mealplanner.views import exports

app_name = "exports"
urlpatterns = [
    path("<int:plan_id>/print/", exports.plan_print, name="print"),
    path("<int:plan_id>/shopping/", exports.shopping, name="shopping"),
    path("<int:plan_id>/shopping.csv", exports.shopping_csv, name="shopping_csv"),
    path(
        "<int:plan_id>/download/entries.csv", exports.download, {"table": "entries", "fmt": "csv"}, name="entries_csv"
    ),
    path(
        "<int:plan_id>/download/entries.xlsx",
        exports.download,
        {"table": "entries", "fmt": "xlsx"},
        name="entries_xlsx",
    ),
    path("<int:plan_id>/download/totals.csv", exports.download, {"table": "totals", "fmt": "csv"}, name="totals_csv"),
    path(
        "<int:plan_id>/download/totals.xlsx", exports.download, {"table": "totals", "fmt": "xlsx"}, name="totals_xlsx"
    ),
    path("<int:plan_id>/download/plan.xlsx", exports.download, {"table": "plan", "fmt": "xlsx"}, name="plan_xlsx"),
]
