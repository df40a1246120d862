"""Creates the demo accounts for `make run`: development only, and safe to run again."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Create the demo person, dietitian and clients with sample plans (development only)."

    def handle(self, *args, **options):
        if not (settings.DEBUG and settings.DEMO_ACCOUNTS):
            raise CommandError("Demo accounts exist only in development (DJANGO_DEBUG=1 and DJANGO_DEMO_ACCOUNTS=1).")
        from clinic import demo as clinic_demo
        from diary import demo as diary_demo
        from mealplanner import demo as planner_demo

        logins = []
        for seed in (planner_demo.seed, clinic_demo.seed, diary_demo.seed):
            logins.extend(seed())
        self.stdout.write("Demo logins (development only):")
        for username, password, what in logins:
            self.stdout.write(f"  {username} / {password}  ({what})")
