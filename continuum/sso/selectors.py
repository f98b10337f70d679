"""Reads: a district's sign-in settings and providers, the buttons of the sign-in page, and
the one rule that matches what a provider says about someone to a person of the roster."""

import re
from dataclasses import dataclass

from django.db.models import Q
from django.db.models.fields.json import KeyTextTransform

from continuum.people.models import Organization, Role, User
from continuum.rostering.models import RosterKind, RosterRecord
from continuum.sso.models import ProviderKind, SignInAttempt, SignInProvider, SignInSettings

# Roles whose accounts may (and, where the district says so, must) use a second factor.
STAFF_ROLES = frozenset(Role) - {Role.LEARNER, Role.GUARDIAN}
# One {type:identifier} pair of a OneRoster ``userIds`` field, e.g. {Clever:5f1e…}.
_USER_ID = re.compile(r"\{\s*([^:{}]+?)\s*:\s*([^{}]+?)\s*\}")


def settings_get(*, district: Organization) -> SignInSettings:
    """The district's settings, or the defaults (unsaved) when it never changed them."""
    found = SignInSettings.objects.filter(district=district).first()
    return found or SignInSettings(district=district)


def district_of(user: User) -> Organization | None:
    organization = user.organization
    return organization.district if organization is not None else None


def provider_list(*, district: Organization):
    return SignInProvider.objects.filter(district=district)


def provider_get(*, district: Organization, provider_id: int) -> SignInProvider | None:
    return SignInProvider.objects.filter(district=district, pk=provider_id).first()


def login_buttons():
    """Every enabled provider, with its district, for the sign-in page's buttons."""
    return (
        SignInProvider.objects.filter(enabled=True)
        .select_related("district")
        .order_by("district__name", "label")
    )


def attempt_list(*, district: Organization):
    return SignInAttempt.objects.filter(district=district).select_related("provider", "person")


def roster_user_ids(value: str) -> list[tuple[str, str]]:
    """The (type, identifier) pairs of a OneRoster ``userIds`` field."""
    return _USER_ID.findall(value or "")


@dataclass(frozen=True)
class Match:
    outcome: str  # a SignInAttempt.Outcome
    person: User | None = None


def person_match(
    *,
    provider: SignInProvider,
    subject: str,
    emails: list[tuple[str, bool]],
) -> Match:
    """Who of ``provider``'s district the provider's person is, never anyone else.

    First by the provider's own id for OpenID Connect providers (Clever, ClassLink): the
    roster's sourcedId, ``identifier`` or one of its ``userIds``. Then by email: an active
    person of the district whose email (from the SIS) is one the provider verified. An
    email the provider did not verify matches no one (anyone can type one in at some
    providers), and two people with one email match no one either.
    """
    district = provider.district
    if ProviderKind(provider.kind).is_openid_connect and subject:
        people = _people_by_roster_id(district, subject)
        if len(people) == 1:
            return Match(SignInAttempt.Outcome.MATCHED, people[0])
        if len(people) > 1:
            return Match(SignInAttempt.Outcome.AMBIGUOUS)
    verified = [email for email, ok in emails if ok and email]
    unverified = [email for email, ok in emails if not ok and email]
    people = list(_people_by_email(district, verified)[:2])
    if len(people) == 1:
        return Match(SignInAttempt.Outcome.MATCHED, people[0])
    if people:
        return Match(SignInAttempt.Outcome.AMBIGUOUS)
    if unverified and _people_by_email(district, unverified).exists():
        return Match(SignInAttempt.Outcome.UNVERIFIED_EMAIL)
    return Match(SignInAttempt.Outcome.NOT_IN_ROSTER)


def _district_people(district: Organization):
    return User.objects.filter(
        Q(organization=district) | Q(organization__parent=district), is_active=True
    )


def _people_by_email(district: Organization, emails: list[str]):
    if not emails:
        return User.objects.none()
    wanted = Q()
    for email in emails:
        wanted |= Q(email__iexact=email)
    return _district_people(district).filter(wanted)


def _people_by_roster_id(district: Organization, subject: str) -> list[User]:
    records = (
        RosterRecord.objects.filter(district=district, kind=RosterKind.USER, person__is_active=True)
        .annotate(user_ids=KeyTextTransform("userIds", "data"))
        .filter(
            Q(sourced_id=subject)
            | Q(data__identifier=subject)
            | Q(user_ids__contains=subject)  # narrowed below: the whole identifier must match
        )
        .select_related("person__organization")
    )
    people = {
        record.person.pk: record.person
        for record in records
        if record.person is not None
        and record.person.organization is not None
        and record.person.organization.district_pk == district.pk
        and (
            record.sourced_id == subject
            or record.data.get("identifier") == subject
            or any(value == subject for _, value in roster_user_ids(record.data.get("userIds", "")))
        )
    }
    return list(people.values())
