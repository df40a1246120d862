from django.urls import path

from clinic.views import clients, dashboard, invites, plans

app_name = "clinic"
urlpatterns = [
    path("", dashboard.dashboard, name="dashboard"),
    path("clients/new/", clients.client_new, name="client_new"),
    path("clients/<int:profile_id>/", clients.client_detail, name="client"),
    path("clients/<int:profile_id>/edit/", clients.client_edit, name="client_edit"),
    path("clients/<int:profile_id>/remove/", clients.client_remove, name="client_remove"),
    path("clients/<int:profile_id>/invite/", invites.client_invite, name="client_invite"),
    path("clients/<int:profile_id>/plans/new/", plans.plan_new, name="plan_new"),
    path("clients/<int:profile_id>/plans/from-template/", plans.plan_from_template, name="plan_from_template"),
    path("clients/<int:profile_id>/supplements/new/", clients.supplement_edit, name="supplement_new"),
    path("clients/<int:profile_id>/supplements/<int:supplement_id>/", clients.supplement_edit, name="supplement_edit"),
    path("plans/<int:plan_id>/", plans.plan_settings, name="plan_settings"),
    path("plans/<int:plan_id>/duplicate/", plans.plan_duplicate, name="plan_duplicate"),
    path("plans/<int:plan_id>/generate/", plans.plan_generate, name="plan_generate"),
    path("plans/<int:plan_id>/save-template/", plans.plan_save_template, name="plan_save_template"),
    path("templates/", plans.template_list, name="templates"),
    path("templates/<int:plan_id>/delete/", plans.template_delete, name="template_delete"),
    path("invite/<str:token>/", invites.invite_accept, name="invite_accept"),
    path("my-dietitian/", invites.my_dietitian, name="my_dietitian"),
]
