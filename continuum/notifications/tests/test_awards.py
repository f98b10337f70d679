"""An award reaches the learner and her guardians (Gabe guards Lena) without credentials
knowing about notifications: Lena's "Grade 6 ratios credit" (course credit of Erin's Math
6A) is met once N.1.a, N.1.b and N.1.c are proficient."""

from datetime import UTC, datetime, timedelta

from django.urls import reverse

from continuum.credentials.public import awards_sync
from continuum.credentials.tests.conftest import TODAY, all_proficient, credit_world
from continuum.evidence.public import evidence_record
from continuum.notifications.models import Kind, Notification
from continuum.notifications.services import preferences_update

MONDAY = datetime(2026, 10, 5, 9, tzinfo=UTC)


def test_an_award_reaches_the_learner_and_her_guardian_with_their_own_links(world):
    credit = credit_world(world)
    all_proficient(credit, credit["lena"])
    awards_sync(school=credit["school"], today=TODAY)
    lena = Notification.objects.get(recipient=credit["lena"])
    gabe = Notification.objects.get(recipient=credit["gabe"])
    assert lena.kind == gabe.kind == Kind.AWARD
    assert lena.title == "You earned Grade 6 ratios credit"
    assert gabe.title == "Lena earned Grade 6 ratios credit"
    assert lena.body == gabe.body == "Course credit, awarded on Nov. 20, 2026."
    assert lena.url == reverse("my_credentials") == "/credentials/me/"
    assert gabe.url == reverse("family_learner", args=[credit["lena"].pk])
    assert Notification.objects.count() == 2  # not Erin, Cora or Omar


def test_evidence_that_meets_the_rule_tells_the_family_once_however_much_follows(world):
    credit = credit_world(world)
    lena, erin = credit["lena"], credit["erin"]
    told = Notification.objects.filter(kind=Kind.AWARD)
    counts = []
    for day, code in enumerate(("N.1.a", "N.1.b", "N.1.c", "N.1.a")):
        evidence_record(
            learner=lena,
            target=credit["maths"][code],
            scorer=erin,
            level=3,
            assessed_at=MONDAY + timedelta(days=day),
        )
        counts.append(told.count())
    assert counts == [0, 0, 2, 2]  # met with N.1.c; the later N.1.a tells no one again
    assert sorted(told.values_list("recipient__username", flat=True)) == ["gabe", "lena"]


def test_a_guardian_who_turned_award_notices_off_is_not_told(world):
    credit = credit_world(world)
    preferences_update(user=credit["gabe"], choices={Kind.AWARD: (False, False)})
    all_proficient(credit, credit["lena"])
    awards_sync(school=credit["school"], today=TODAY)
    assert list(Notification.objects.values_list("recipient__username", flat=True)) == ["lena"]
