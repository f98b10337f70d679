import pytest
from django.urls import reverse

from continuum.frameworks.tests.factories import sample_framework, wide_framework


@pytest.fixture
def sample(db):
    return sample_framework()


@pytest.fixture
def api(client, world):
    client.force_login(world["gabe"])
    return client


def test_the_list_names_each_framework_and_its_current_version(api, sample):
    (framework,) = api.get(reverse("api-v1:list_frameworks")).json()["items"]
    assert framework["title"] == "Maple Grove Mathematics"
    assert framework["version_number"] == 1


def test_the_detail_gives_the_version_and_counts_per_learning_area(api, sample):
    body = api.get(reverse("api-v1:framework_detail", args=[sample.framework.pk])).json()
    assert body["version"]["number"] == 1
    assert {c["area"]: c["targets"] for c in body["counts"]} == {"academic": 4, "lifelong": 1}


def test_items_come_flat_with_their_parent_ids(api, sample):
    items = api.get(reverse("api-v1:framework_items", args=[sample.framework.pk])).json()["items"]
    by_code = {item["human_coding_scheme"]: item for item in items}
    assert len(items) == 10
    assert by_code["N.1.a"]["parent_id"] == by_code["N.1"]["id"]
    assert by_code["N"]["parent_id"] is None


def test_an_item_comes_with_descriptors_prerequisites_unlocks_and_crosswalks(api, sample):
    body = api.get(reverse("api-v1:item_detail", args=[sample["N.1.a"].pk])).json()
    assert body["item"]["learner_statement"] == "I can describe a ratio"
    assert [d["level_name"] for d in body["descriptors"]] == [
        "Beginning",
        "Developing",
        "Proficient",
        "Advanced",
    ]
    assert body["prerequisites"] == []
    assert [u["human_coding_scheme"] for u in body["unlocks"]] == ["N.1.b"]
    assert body["crosswalks"][0]["title"] == "CCSS.Math 6.RP.A.1"


def test_unknown_ids_are_404(api, db):
    assert api.get(reverse("api-v1:framework_detail", args=[999])).status_code == 404
    assert api.get(reverse("api-v1:item_detail", args=[999])).status_code == 404


def test_anonymous_callers_are_refused(client, sample):
    response = client.get(reverse("api-v1:framework_items", args=[sample.framework.pk]))
    assert response.status_code == 401


def test_the_item_list_uses_a_fixed_number_of_queries(api, db, django_assert_max_num_queries):
    wide = wide_framework()
    with django_assert_max_num_queries(7):  # the page and the count
        api.get(reverse("api-v1:framework_items", args=[wide.framework.pk]))
    with django_assert_max_num_queries(10):
        api.get(reverse("api-v1:item_detail", args=[wide["S.2.2"].pk]))


def test_items_come_a_page_at_a_time_with_the_total(api, sample):
    url = reverse("api-v1:framework_items", args=[sample.framework.pk])
    first = api.get(url, {"limit": 4}).json()
    rest = api.get(url, {"limit": 4, "offset": 4}).json()
    assert first["count"] == rest["count"] == 10
    assert len(first["items"]) == 4
    assert {i["id"] for i in first["items"]}.isdisjoint({i["id"] for i in rest["items"]})
    assert api.get(url, {"limit": 501}).status_code == 422
