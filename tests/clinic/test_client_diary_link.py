def test_the_client_page_links_to_the_diary_of_a_client_with_restless_legs(client, dietitian, make_client):
    clara = make_client(dietitian, "Clara", restless_legs=True)
    client.force_login(dietitian)
    body = client.get(f"/clinic/clients/{clara.pk}/").content.decode()
    assert f'href="/diary/profile/{clara.pk}/"' in body
    assert f'href="/diary/profile/{clara.pk}/insights/"' in body


def test_no_diary_link_for_a_client_without_restless_legs(client, dietitian, client_profile):
    client.force_login(dietitian)
    body = client.get(f"/clinic/clients/{client_profile.pk}/").content.decode()
    assert "/diary/profile/" not in body


def test_a_client_with_a_dietitian_finds_the_page_that_ends_the_link(client, dietitian, make_client, make_user):
    clara_login = make_user("clara")
    make_client(dietitian, "Clara", user=clara_login)
    client.force_login(clara_login)
    assert 'href="/clinic/my-dietitian/"' in client.get("/").content.decode()


def test_a_person_without_a_dietitian_sees_no_such_link(client, make_user):
    client.force_login(make_user("solo"))
    assert "/clinic/my-dietitian/" not in client.get("/").content.decode()
