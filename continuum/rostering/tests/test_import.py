"""Packages the tests write: 1.1 and 1.2, bulk and delta, bad references, encodings,
tenancy. Riverside's admin Ada imports into Riverside; Otto administers Lakeside."""

from datetime import UTC, datetime

from continuum.people.models import Enrollment, GuardianLink, Organization, Role, Section, User
from continuum.rostering.models import RosterImport, RosterRecord
from continuum.rostering.tests.packages import imported, package_bytes, preview, small_roster


def _people_and_sections() -> tuple:
    return (
        list(User.objects.order_by("pk").values_list("username", "role", "is_active")),
        list(Section.objects.order_by("pk").values_list("title", "school_id")),
        list(Enrollment.objects.order_by("pk").values_list("section_id", "learner_id")),
        list(Organization.objects.order_by("pk").values_list("name", "sourced_id")),
    )


def test_a_1_1_package_makes_a_school_a_section_its_teacher_learner_and_guardian(world):
    record = imported(world, package_bytes(small_roster()))

    assert record.state == RosterImport.State.DONE
    assert record.summary["created"]["users"] == 3
    oak = Organization.objects.get(name="Oak Hill")
    assert oak.parent == world["district"]
    assert oak.kind == "school"
    assert world["district"].__class__.objects.get(pk=world["district"].pk).sourced_id == "d-river"
    section = Section.objects.get(code="M7-1")
    ana, pia, tom = (User.objects.get(username=u) for u in ("ana.r", "pia.r", "tom.k"))
    assert (ana.role, pia.role, tom.role) == (Role.LEARNER, Role.GUARDIAN, Role.EDUCATOR)
    assert ana.organization == oak
    assert not ana.has_usable_password()
    assert list(section.learners.all()) == [ana]
    assert list(section.educators.all()) == [tom]
    assert GuardianLink.objects.filter(guardian=pia, learner=ana, relationship="parent").exists()
    assert ana.history.first().history_user == world["ada"]


def test_a_1_2_package_takes_roles_and_schools_from_roles_csv(world):
    files = small_roster()
    for user in files["users"]:
        user.pop("orgSourcedIds")
    files["users"].append(
        {"sourcedId": "u-lee", "enabledUser": "true", "username": "lee.p", "givenName": "Lee",
         "familyName": "Park"}
    )  # fmt: skip
    files["users"].append(
        {"sourcedId": "u-dan", "enabledUser": "true", "username": "dan.s", "givenName": "Dan",
         "familyName": "Shaw"}
    )  # fmt: skip
    roles = [("u-ana", "student"), ("u-pia", "guardian"), ("u-tom", "teacher")]
    roles += [("u-lee", "principal"), ("u-dan", "districtAdministrator")]
    files["roles"] = [
        {"sourcedId": f"r-{user}", "userSourcedId": user, "roleType": "primary", "role": role,
         "orgSourcedId": "d-river" if role == "districtAdministrator" else "s-oak"}
        for user, role in roles
    ]  # fmt: skip
    files["roles"].append(
        {"sourcedId": "r-tom-2", "userSourcedId": "u-tom", "roleType": "secondary",
         "role": "counselor", "orgSourcedId": "s-oak"}
    )  # fmt: skip

    record = imported(world, package_bytes(files, version="1.2"))

    assert record.version == "1.2"
    roles_now = dict(User.objects.filter(username__contains=".").values_list("username", "role"))
    assert roles_now == {
        "ana.r": Role.LEARNER,
        "pia.r": Role.GUARDIAN,
        "tom.k": Role.EDUCATOR,
        "lee.p": Role.LEADER,
    }
    # A district administrator is appointed in Continuum, never by a roster.
    assert not User.objects.filter(username="dan.s").exists()
    assert any("u-dan" in warning["reason"] for warning in record.warnings)
    assert RosterRecord.objects.get(sourced_id="u-dan").object_id is None
    assert User.objects.get(username="lee.p").organization.name == "Oak Hill"  # type: ignore[union-attr]


def _roster_1_2() -> dict:
    files = small_roster()
    for user in files["users"]:
        user.pop("orgSourcedIds")
    files["roles"] = [
        {"sourcedId": f"r-{u['sourcedId']}", "userSourcedId": u["sourcedId"],
         "roleType": "primary", "role": u.pop("role"), "orgSourcedId": "s-oak"}
        for u in files["users"]
    ]  # fmt: skip
    return files


def test_a_1_2_delta_of_roles_alone_changes_a_known_users_role(world):
    imported(world, package_bytes(_roster_1_2(), version="1.2"))
    when = "2027-01-05T08:00:00Z"
    delta = {
        "roles": [
            {"sourcedId": "r-u-tom", "status": "active", "dateLastModified": when,
             "userSourcedId": "u-tom", "roleType": "primary", "role": "principal",
             "orgSourcedId": "s-oak"}
        ]
    }  # fmt: skip

    record = imported(world, package_bytes(delta, version="1.2", mode="delta"))

    assert record.summary["updated"]["users"] == 1
    tom = User.objects.get(username="tom.k")
    assert tom.role == Role.LEADER
    assert tom.first_name == "Tom"


def test_a_delta_deactivates_a_user_and_ends_an_enrollment_but_keeps_the_evidence(world):
    from continuum.evidence.models import Evidence
    from continuum.evidence.public import evidence_record
    from continuum.frameworks.tests.factories import sample_framework

    imported(world, package_bytes(small_roster()))
    ana, tom = User.objects.get(username="ana.r"), User.objects.get(username="tom.k")
    evidence_record(
        learner=ana,
        target=sample_framework()["N.1.a"],
        scorer=tom,
        level=3,
        assessed_at=datetime(2026, 9, 1, tzinfo=UTC),
    )
    when = "2026-10-01T12:00:00Z"
    delta = {
        "users": [{"sourcedId": "u-ana", "status": "tobedeleted", "dateLastModified": when}],
        "enrollments": [
            {"sourcedId": "e-1", "status": "tobedeleted", "dateLastModified": when},
            {"sourcedId": "e-2", "status": "active", "dateLastModified": when,
             "classSourcedId": "k-1", "schoolSourcedId": "s-oak", "userSourcedId": "u-tom",
             "role": "teacher"},
        ],
    }  # fmt: skip

    record = imported(world, package_bytes(delta, mode="delta"))

    assert record.summary["deactivated"]["users"] == 1
    assert record.summary["deactivated"]["enrollments"] == 1
    assert record.summary["updated"]["enrollments"] == 1
    ana.refresh_from_db()
    assert not ana.is_active
    assert not Enrollment.objects.filter(learner=ana).exists()
    assert Evidence.objects.filter(learner=ana).count() == 1
    assert list(Section.objects.get(code="M7-1").educators.all()) == [tom]
    stored = RosterRecord.objects.get(sourced_id="e-1")
    assert stored.status == "tobedeleted"
    assert stored.date_last_modified == datetime(2026, 10, 1, 12, tzinfo=UTC)


def test_a_delta_needs_status_and_date_last_modified(world):
    delta = {"users": [{"sourcedId": "u-ana", "username": "ana.r", "enabledUser": "true",
                        "givenName": "Ana", "familyName": "Ruiz", "role": "student",
                        "orgSourcedIds": "s-oak"}]}  # fmt: skip

    record = preview(world, package_bytes(delta, mode="delta"))

    fields = {(e["file"], e["line"], e["field"]) for e in record.errors}
    assert {("users", 2, "status"), ("users", 2, "dateLastModified")} <= fields


def test_bad_references_are_all_listed_and_nothing_changes(world):
    files = small_roster()
    files["enrollments"].append(
        {"sourcedId": "e-3", "classSourcedId": "k-missing", "schoolSourcedId": "s-oak",
         "userSourcedId": "u-ghost", "role": "student"}
    )  # fmt: skip
    files["users"][2]["orgSourcedIds"] = "s-oak,s-nowhere"
    files["classes"][0]["courseSourcedId"] = "c-none"
    files["classes"][0]["termSourcedIds"] = "t-1,t-9"
    files["users"][0]["role"] = "wizard"
    before = _people_and_sections()

    record = preview(world, package_bytes(files))

    assert record.state == RosterImport.State.REFUSED
    found = {(e["file"], e["line"], e["field"]) for e in record.errors}
    assert found == {
        ("enrollments", 4, "classSourcedId"),
        ("enrollments", 4, "userSourcedId"),
        ("users", 4, "orgSourcedIds"),
        ("classes", 2, "courseSourcedId"),
        ("classes", 2, "termSourcedIds"),
        ("users", 2, "role"),
    }
    assert any("k-missing" in e["reason"] for e in record.errors)
    assert _people_and_sections() == before
    assert not RosterRecord.objects.exists()
    assert record.package == b""


def test_a_bom_quoted_commas_and_accents_are_read_as_written(world):
    files = small_roster()
    files["users"][0]["familyName"] = "Ruiz, de la Peña"
    files["classes"][0]["title"] = "Français, niveau 2 — «avancé»"

    imported(world, package_bytes(files, bom=True))

    assert User.objects.get(username="ana.r").last_name == "Ruiz, de la Peña"
    assert Section.objects.get(code="M7-1").title == "Français, niveau 2 — «avancé»"


def test_another_districts_org_is_refused_and_lakeside_is_untouched(world):
    imported(world, package_bytes(small_roster()))
    before = _people_and_sections()

    record = preview(world, package_bytes(small_roster()), district="lakeside", by="otto")

    assert record.state == RosterImport.State.REFUSED
    reasons = {(e["file"], e["field"], e["reason"]) for e in record.errors}
    assert ("orgs", "sourcedId", "d-river belongs to another district") in reasons
    assert ("orgs", "sourcedId", "s-oak belongs to another district") in reasons
    # Riverside's usernames are not Lakeside's to take over.
    assert ("users", "username", "“ana.r” is already someone else's") in reasons
    assert _people_and_sections() == before


def test_a_second_district_org_in_a_package_is_refused(world):
    world["district"].sourced_id = "d-river"
    world["district"].save()
    files = small_roster()
    files["orgs"][0]["sourcedId"] = "d-elsewhere"
    files["orgs"][1]["parentSourcedId"] = "d-elsewhere"

    record = preview(world, package_bytes(files))

    assert [(e["line"], e["field"]) for e in record.errors] == [(2, "sourcedId")]


def test_a_username_someone_has_already_is_an_error_row(world):
    files = small_roster()
    files["users"][1]["username"] = "lena"

    record = preview(world, package_bytes(files))

    assert [str_(e) for e in record.errors] == [
        "users.csv:3 username: “lena” is already someone else's"
    ]
    assert User.objects.get(username="lena").role == Role.LEARNER


def str_(problem: dict) -> str:
    from continuum.rostering.services.package import Problem

    return str(Problem(**problem))


def test_a_school_typed_in_by_hand_with_the_sourced_id_is_adopted(world):
    world["school"].sourced_id = "s-oak"
    world["school"].save()

    imported(world, package_bytes(small_roster()))

    assert Section.objects.get(code="M7-1").school == world["school"]
    assert Organization.objects.filter(kind="school", parent=world["district"]).count() == 1


def test_a_class_to_be_deleted_loses_its_enrollments_and_educators_but_stays(world):
    imported(world, package_bytes(small_roster()))
    when = "2026-12-21T00:00:00Z"
    delta = {"classes": [{"sourcedId": "k-1", "status": "tobedeleted", "dateLastModified": when}]}

    record = imported(world, package_bytes(delta, mode="delta"))

    assert record.summary["deactivated"]["classes"] == 1
    section = Section.objects.get(code="M7-1")
    assert not section.learners.exists()
    assert not section.educators.exists()
    assert User.objects.get(username="ana.r").is_active


def test_a_users_roster_record_keeps_no_name_and_goes_with_the_person(world):
    record = imported(world, package_bytes(small_roster()))
    ana = User.objects.get(username="ana.r")
    kept = RosterRecord.objects.get(sourced_id="u-ana")

    assert kept.person == ana
    assert not {"ana.r", "Ana", "Ruiz"} & {str(value) for value in kept.data.values()}
    record.refresh_from_db()
    assert record.samples == {}  # the preview's sample named people

    ana.delete()  # as the privacy app's verifiable deletion does

    assert not RosterRecord.objects.filter(sourced_id="u-ana").exists()


def test_an_import_run_twice_applies_once(world):
    from continuum.rostering.services.imports import roster_import_run

    record = imported(world, package_bytes(small_roster()))

    assert roster_import_run(import_id=record.pk) == {"state": RosterImport.State.DONE}
    record.refresh_from_db()
    assert record.state == RosterImport.State.DONE
    assert record.summary["created"]["users"] == 3


def test_a_changed_name_is_updated_with_a_history_row_naming_the_admin(world):
    imported(world, package_bytes(small_roster()))
    files = small_roster()
    files["users"][0]["familyName"] = "Ruiz Soto"

    imported(world, package_bytes(files))

    ana = User.objects.get(username="ana.r")
    assert ana.last_name == "Ruiz Soto"
    assert ana.history.count() == 2
    assert ana.history.first().history_user == world["ada"]
    assert User.objects.get(username="tom.k").history.count() == 1
