"""Take the README's screenshot: the demo person's plan page, 1280 px wide.

Run it against a development server with the demo accounts loaded (`make run`, or
`DJANGO_DEBUG=1 DJANGO_DEMO_ACCOUNTS=1 manage.py seed_demo` then `manage.py runserver`):

    .venv/bin/python scripts/take_screenshots.py --base-url http://127.0.0.1:8000

It logs in through the login form as the demo person, opens their plan and saves one viewport-sized
PNG (not the full page) scrolled to the week: chart, day totals, bars and findings. With --pages DIR it
also saves full-page shots of the main pages at 1280 and 360 px, for looking the app over by eye.
Uses Debian's Chromium (never `playwright install`).
"""

import argparse
from pathlib import Path

from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"
# The demo logins that `manage.py seed_demo` prints (development only).
DEMO_USER, DEMO_PASSWORD = "demo", "demo-magnesium-password"
PAGES = [
    "/",
    "/foods/?q=pumpkin",
    "/accounts/profile/",
    "/accounts/cabinet/",
    "/plans/",
    "/diary/",
    "/diary/insights/",
    "/accounts/account/",
]


def log_in(page, base_url):
    page.goto(f"{base_url}/accounts/login/")
    page.fill("input[name=username]", DEMO_USER)
    page.fill("input[name=password]", DEMO_PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_load_state()


def open_demo_plan(page, base_url):
    """The demo's first plan, reached as a person would: from the list of plans."""
    page.goto(f"{base_url}/plans/")
    page.click("main table a >> nth=0")
    page.wait_for_selector(".week .day")
    return page.url


def readme_shot(browser, base_url, out):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    log_in(page, base_url)
    open_demo_plan(page, base_url)
    # Start at "The week" so the chart and the top of all seven days (totals, bars, findings) fit.
    page.evaluate(
        "window.scrollTo(0, document.querySelector('#week-summary').getBoundingClientRect().top + window.scrollY - 12)"
    )
    out.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(out))
    page.close()


def page_shots(browser, base_url, folder):
    folder.mkdir(parents=True, exist_ok=True)
    for width, height in [(1280, 900), (360, 740)]:
        page = browser.new_page(viewport={"width": width, "height": height})
        log_in(page, base_url)
        plan = open_demo_plan(page, base_url).removeprefix(base_url)
        for path in PAGES + [plan, f"{plan}print/", f"{plan}shopping/"]:
            page.goto(base_url + path)
            name = path.strip("/").replace("/", "-").replace("?", "-").replace("=", "-") or "home"
            page.screenshot(path=str(folder / f"{name}-{width}.png"), full_page=True)
        page.close()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base-url", default="http://127.0.0.1:8000")
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent.parent / "docs" / "screenshot.png")
    parser.add_argument("--pages", type=Path, help="also save full-page shots of the main pages here")
    args = parser.parse_args()
    base_url = args.base_url.rstrip("/")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--disable-gpu"])
        readme_shot(browser, base_url, args.out)
        if args.pages:
            page_shots(browser, base_url, args.pages)
        browser.close()
    print(f"Saved {args.out}")


if __name__ == "__main__":
    main()
