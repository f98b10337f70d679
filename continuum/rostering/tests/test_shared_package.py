"""The shared roster-hub 1.1 package (20 users, 5 classes, 30 enrollments), zipped."""

from continuum.people.models import Organization, Role, Section, User
from continuum.rostering.models import RosterImport, RosterRecord
from continuum.rostering.tests.packages import imported as _import
from continuum.rostering.tests.packages import zip_folder


def test_the_shared_package_is_imported_then_only_updated_on_a_second_import(
    world, shared_data, tmp_path
):
    data = zip_folder(shared_data / "oneroster" / "roster-hub-1.1", tmp_path).read_bytes()

    first = _import(world, data)

    assert first.state == RosterImport.State.DONE
    assert first.summary["created"] == {
        "orgs": 1,
        "academicSessions": 4,
        "courses": 2,
        "classes": 5,
        "users": 20,
        "enrollments": 30,
    }
    school = Organization.objects.get(sourced_id="or0001")
    assert school.parent == world["district"]
    assert User.objects.filter(organization=school, role=Role.LEARNER).count() == 20
    section = Section.objects.get(code="C401")
    assert section.school == school
    assert section.title == "Introduction to Information Processing"
    assert section.enrollments.count() == 3
    # user01 and user02 are students that enrollments.csv names as teachers: recorded,
    # warned about, and given no access to teach.
    assert not section.educators.exists()
    assert any("us0001" in w["reason"] for w in first.warnings)
    records = RosterRecord.objects.count()
    history = User.history.count()

    second = _import(world, data)

    assert set(second.summary["created"].values()) == {0}
    assert second.summary["updated"]["users"] == 20
    assert second.summary["updated"]["enrollments"] == 30
    assert User.objects.filter(organization=school).count() == 20
    assert RosterRecord.objects.count() == records
    assert User.history.count() == history  # nothing changed, so no history row
