"""Simulated people: log in, open their plan, search foods and add them, as a person does in a browser.

Each person records how many of its adds the server confirmed; bench/load.py compares that with the
entries stored, so a lost write shows up as a mismatch."""

import json
import os
import random
import re

from locust import HttpUser, between, events, task

SETUP = json.loads(os.environ["LOAD_SETUP"])
CONFIRMED: dict[str, int] = {}
_next_person = iter(SETUP["people"])
QUERIES = ["spin", "pumpkin seed", "yog", "almond", "bean", "banana", "oat", "rice", "salmon", "milk"]


WAIT = float(os.environ.get("LOAD_WAIT", "1"))  # mean think time in seconds; 0 = as fast as possible


class Person(HttpUser):
    wait_time = between(WAIT * 0.5, WAIT * 1.5)

    def on_start(self):
        self.person = next(_next_person)
        self.plan = f"/plans/{self.person['plan_id']}/"
        CONFIRMED.setdefault(str(self.person["plan_id"]), 0)
        page = self.client.get("/accounts/login/", name="login page")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)
        self.client.post("/accounts/login/", name="log in", allow_redirects=False, data={
            "username": self.person["username"], "password": self.person["password"],
            "csrfmiddlewaretoken": token.group(1) if token else "",
        }, headers={"Referer": self.host + "/accounts/login/"})

    def _headers(self):
        return {"X-CSRFToken": self.client.cookies.get("csrftoken", ""), "HX-Request": "true",
                "Referer": self.host + self.plan}

    @task(3)
    def open_plan(self):
        self.client.get(self.plan, name="plan page")

    @task(3)
    def search(self):
        self.client.get(f"{self.plan}add/", params={"q": random.choice(QUERIES), "day": 0, "meal": "lunch"},
                        headers={"HX-Request": "true"}, name="food search (htmx)")

    @task(2)
    def add_food(self):
        food = random.choice(SETUP["foods"])
        with self.client.post(f"{self.plan}entries/food/", name="add food (htmx)", catch_response=True,
                              headers=self._headers(), data={
                                  "day": random.randrange(7), "meal": random.choice(["breakfast", "lunch", "dinner", "snack"]),
                                  "food": food["food"], "portion": food["portion"], "quantity": "1",
                              }) as response:
            if response.status_code == 200 and "Added " in response.text:
                CONFIRMED[str(self.person["plan_id"])] += 1
                response.success()
            else:
                response.failure(f"add not confirmed: HTTP {response.status_code}")


@events.test_stop.add_listener
def _write_confirmed(environment, **kwargs):
    with open(os.environ["LOAD_CONFIRMED"], "w") as fh:
        json.dump(CONFIRMED, fh)
