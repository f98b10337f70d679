"""The learner page: what each person with a reason sees of a learner."""

from django.urls import reverse


def _page(client, viewer, learner) -> str:
    client.force_login(viewer)
    response = client.get(reverse("learner_detail", args=[learner.pk]))
    assert response.status_code == 200
    return response.content.decode()


def test_a_placed_partner_sees_neither_the_learners_sections_nor_links_to_the_rest(client, world):
    # Pat hosts Lena's placement: it covers his experience, not her classes.
    page = _page(client, world["pat"], world["lena"])
    assert "Math 6A" not in page
    assert reverse("learner_dashboard", args=[world["lena"].pk]) not in page
    assert reverse("learner_evidence", args=[world["lena"].pk]) in page


def test_her_educator_sees_her_sections(client, world):
    page = _page(client, world["erin"], world["lena"])
    assert "Math 6A" in page
    assert reverse("learner_dashboard", args=[world["lena"].pk]) in page


def test_the_learner_list_is_filtered_by_a_name(client, world):
    # Leo leads Maple Grove: Lena Ortiz and Omar Haddad are both his school's learners.
    client.force_login(world["leo"])
    everyone = client.get(reverse("learner_list")).content.decode()
    assert "Lena Ortiz" in everyone
    assert "Omar Haddad" in everyone
    found = client.get(reverse("learner_list"), {"name": "ortiz"}).content.decode()
    assert "Lena Ortiz" in found
    assert "Omar Haddad" not in found
    assert "1 learner" in found
    assert client.get(reverse("learner_list"), {"name": "nobody"}).context["learners"].count() == 0


def test_the_learner_list_filter_never_widens_what_the_viewer_sees(client, world):
    # Erin teaches Lena, not Omar: a search for Omar finds nothing.
    client.force_login(world["erin"])
    found = client.get(reverse("learner_list"), {"name": "Omar"}).content.decode()
    assert "Omar Haddad" not in found
    assert "0 learners" in found
