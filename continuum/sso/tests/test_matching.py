"""The one matching rule (selectors.person_match), without a provider. Lena is a learner of
Riverside (Maple Grove school), Ada its district admin; Lara a learner of Lakeside."""

import pytest

from continuum.people.models import User
from continuum.rostering.models import RosterKind, RosterRecord
from continuum.sso.models import ProviderKind, SignInProvider
from continuum.sso.selectors import person_match, roster_user_ids


def _provider(world, kind=ProviderKind.CLASSLINK) -> SignInProvider:
    return SignInProvider(district=world["district"], kind=kind, key=f"{kind}-x", label=kind)


def _rostered(world, person, sourced_id="us-1", **data) -> None:
    RosterRecord.objects.create(
        district=world["district"],
        kind=RosterKind.USER,
        sourced_id=sourced_id,
        person=person,
        object_id=person.pk,
        data=data,
    )


def test_user_ids_are_read_as_type_and_identifier_pairs():
    assert roster_user_ids("{Fed:1234},{ClassLink: cl-9 }") == [
        ("Fed", "1234"),
        ("ClassLink", "cl-9"),
    ]
    assert roster_user_ids("") == []


@pytest.mark.parametrize(
    ("sourced_id", "data", "subject"),
    [
        ("cl-lena", {}, "cl-lena"),
        ("us-1", {"identifier": "900123"}, "900123"),
        ("us-1", {"userIds": "{Fed:1},{ClassLink:cl-lena}"}, "cl-lena"),
    ],
    ids=["sourcedId", "identifier", "userIds"],
)
def test_an_openid_connect_subject_matches_the_roster_ids(world, sourced_id, data, subject):
    _rostered(world, world["lena"], sourced_id, **data)

    match = person_match(provider=_provider(world), subject=subject, emails=[])

    assert (match.outcome, match.person) == ("matched", world["lena"])


def test_part_of_a_roster_id_matches_no_one(world):
    _rostered(world, world["lena"], userIds="{ClassLink:cl-lena-2}")

    assert person_match(provider=_provider(world), subject="cl-lena", emails=[]).person is None


def test_google_is_matched_by_email_never_by_roster_ids(world):
    _rostered(world, world["lena"], "1077", identifier="1077")

    match = person_match(provider=_provider(world, ProviderKind.GOOGLE), subject="1077", emails=[])

    assert match.outcome == "not_in_roster"


def test_a_verified_email_matches_whatever_its_case(world):
    User.objects.filter(pk=world["ada"].pk).update(email="ada@riverside.example")

    match = person_match(
        provider=_provider(world), subject="x", emails=[("ADA@Riverside.example", True)]
    )

    assert match.person == world["ada"]


def test_an_unverified_email_matches_no_one_and_says_why(world):
    User.objects.filter(pk=world["lena"].pk).update(email="lena@riverside.example")

    match = person_match(
        provider=_provider(world), subject="x", emails=[("lena@riverside.example", False)]
    )

    assert (match.outcome, match.person) == ("unverified_email", None)


def test_an_email_two_people_share_matches_no_one(world):
    User.objects.filter(pk__in=[world["lena"].pk, world["omar"].pk]).update(email="kids@x.org")

    match = person_match(provider=_provider(world), subject="x", emails=[("kids@x.org", True)])

    assert (match.outcome, match.person) == ("ambiguous", None)


def test_people_of_another_district_and_inactive_people_are_never_matched(world):
    User.objects.filter(pk=world["lara"].pk).update(email="lara@x.org")
    User.objects.filter(pk=world["lena"].pk).update(email="lena@x.org", is_active=False)

    for email in ("lara@x.org", "lena@x.org"):
        match = person_match(provider=_provider(world), subject="x", emails=[(email, True)])
        assert match.outcome == "not_in_roster"


def test_a_person_imported_from_oneroster_is_matched_by_the_ids_of_the_users_file(world):
    from continuum.rostering.tests.packages import imported, package_bytes, small_roster

    roster = small_roster()
    ana = roster["users"][0]
    ana.update(identifier="900117", userIds="{Clever:5f1ea0c2},{ClassLink:cl-ana}")
    imported(world, package_bytes(roster))
    ana_user = User.objects.get(username="ana.r")

    for subject in ("5f1ea0c2", "cl-ana", "900117", "u-ana"):
        match = person_match(provider=_provider(world), subject=subject, emails=[])
        assert match.person == ana_user, subject
