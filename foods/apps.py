from django.apps import AppConfig


class FoodsConfig(AppConfig):
    name = "foods"
    verbose_name = "Foods"
