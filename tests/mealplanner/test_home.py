import re


def test_the_home_page_explains_the_app_and_links_to_foods(client):
    response = client.get("/")
    assert response.status_code == 200
    body = response.content.decode()
    assert "magnesium target" in body
    assert "Not medical advice" in body
    assert 'href="/foods/"' in body


def test_the_home_page_serves_htmx_from_the_app_itself(client):
    body = client.get("/").content.decode()
    assert "/static/django_htmx/htmx-2.min.js" in body
    # Nothing is loaded from another site (a search for "cdn" in the whole body also hit random CSRF tokens).
    assert not re.search(r'<(script|link|img)\b[^>]*\b(src|href)="(https?:)?//', body)


def test_every_page_sends_a_content_security_policy(client):
    response = client.get("/")
    assert "script-src 'self'" in response.headers["Content-Security-Policy"]
