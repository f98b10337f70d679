"""Names and Role Provisioning and Assignment and Grade Services against the test platform:
a service token by a client assertion the platform verifies with the tool's JWKS, the
roster compared (nobody created), mastery posted with the values the district chose."""

from datetime import timedelta
from io import StringIO
from types import SimpleNamespace

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from continuum.evidence.public import evidence_record
from continuum.frameworks.tests.factories import sample_framework
from continuum.lti import receivers
from continuum.lti.models import CourseLink, GradePassback, Platform
from continuum.lti.services.grades import GradeSendError, mastery_send
from continuum.lti.services.roster import RosterSyncError, roster_sync
from continuum.lti.tasks import mastery_send_task
from continuum.lti.tests.platform import INSTRUCTOR, LEARNER, LINEITEMS, LTI, launch
from continuum.people.models import User

LIS = "https://purl.imsglobal.org/spec/lti/claim/lis"
NRPS_SCOPE = "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly"


@pytest.fixture
def course(client, lms, world):
    """Erin launched from the course (linked to Math 6A by its sourcedId), then Lena did:
    both LMS accounts are matched."""
    launch(
        client,
        lms,
        "lms-user-3",
        email="erin@schools.example",
        **{LTI + "roles": [INSTRUCTOR], LIS: {"course_section_sourcedid": "class-math6a"}},
    )
    client.logout()
    launch(client, lms, "lms-user-17", **{LIS: {"person_sourcedid": "stu-lena"}})
    client.logout()
    return CourseLink.objects.get()


def _member(user_id: str, name: str, role: str = LEARNER, **fields) -> dict:
    return {"user_id": user_id, "name": name, "roles": [role], "status": "Active", **fields}


def test_the_roster_reports_who_matched_and_who_is_missing_and_creates_nobody(course, lms, world):
    world["omar"].email = "omar@schools.example"
    world["omar"].save()
    lms.members = [
        _member("lms-user-17", "Lena Ortiz"),
        _member("lms-user-3", "Erin Walsh", INSTRUCTOR),
        _member("lms-user-40", "Omar Haddad", email="omar@schools.example"),
        _member("lms-user-41", "Zed New", email="zed@schools.example"),
        _member(
            "lms-user-50",
            "Lara Quinn",
            lis_person_sourcedid="stu-lara",
            email="lara@schools.example",
        ),
    ]
    people = User.objects.count()

    report = roster_sync(link=course)

    assert [m.name for m in report.matched] == ["Lena Ortiz", "Erin Walsh", "Omar Haddad"]
    assert [m.person for m in report.matched] == [world["lena"], world["erin"], world["omar"]]
    assert [m.name for m in report.missing] == ["Zed New", "Lara Quinn"]
    assert [m.name for m in report.not_in_section] == ["Omar Haddad"]
    assert User.objects.count() == people
    assert not world["math_a"].enrollments.filter(learner=world["omar"]).exists()
    assert lms.token_requests == [{"scope": NRPS_SCOPE, "kid": lms.tool_jwks["keys"][0]["kid"]}]


def test_the_roster_page_shows_the_report_to_the_sections_educator(client, course, lms, world):
    lms.members = [_member("lms-user-41", "Zed New", email="zed@schools.example")]
    client.force_login(world["erin"])

    page = client.post(f"/lti/courses/{course.pk}/")

    assert page.status_code == 200
    assert "Zed New" in page.content.decode()
    client.force_login(world["eli"])
    assert client.get(f"/lti/courses/{course.pk}/").status_code == 404


def test_a_course_without_the_roster_service_says_so(course):
    course.context.memberships_url = ""
    course.context.save()

    with pytest.raises(RosterSyncError, match="no roster service"):
        roster_sync(link=course)


def test_a_refused_service_token_is_reported_and_changes_nothing(course, lms):
    lms.refuse_tokens = True
    lms.members = [_member("lms-user-41", "Zed New")]

    with pytest.raises(RosterSyncError, match="The LMS refused the roster request"):
        roster_sync(link=course)

    assert lms.member_requests == 0


def _grade_passback(lms, mode: str) -> None:
    Platform.objects.filter(pk=lms.registered.pk).update(grade_passback=mode)


@pytest.fixture
def lena_at_level_three(course, world):
    sample = sample_framework(owner=world["district"])
    evidence_record(
        learner=world["lena"],
        target=sample["N.1.a"],
        scorer=world["erin"],
        assessed_at=timezone.now() - timedelta(days=1),
        level=3,
    )
    return sample["N.1.a"]


def test_nothing_is_sent_while_the_district_keeps_grade_passback_off(
    lms, course, lena_at_level_three
):
    sent = mastery_send(link=course)

    assert (sent.scores, lms.scores, lms.token_requests) == (0, [], [])


def test_mastery_is_sent_as_the_level_on_a_line_item_per_target(lms, course, lena_at_level_three):
    target = lena_at_level_three
    _grade_passback(lms, GradePassback.LEVEL)

    first = mastery_send(link=course)
    again = mastery_send(link=course)

    assert (first.scores, first.line_items_created, again.line_items_created) == (1, 1, 0)
    assert len(lms.line_items) == 1
    item = lms.line_items[0]
    assert item["resourceId"] == f"continuum-target-{target.pk}"
    assert item["scoreMaximum"] == 4
    assert item["label"] == "N.1.a Describe a ratio relationship"
    url, score = lms.scores[0]
    assert url == f"{LINEITEMS}/1"
    assert score["userId"] == "lms-user-17"
    assert (score["scoreGiven"], score["scoreMaximum"]) == (3, 4)
    assert (score["activityProgress"], score["gradingProgress"]) == ("Completed", "FullyGraded")
    assert "score" in lms.token_requests[0]["scope"]


def test_mastery_is_sent_as_a_fraction_when_the_district_chose_it(lms, course, lena_at_level_three):
    _grade_passback(lms, GradePassback.FRACTION)

    mastery_send(link=course)

    assert lms.line_items[0]["scoreMaximum"] == 1
    assert (lms.scores[0][1]["scoreGiven"], lms.scores[0][1]["scoreMaximum"]) == (0.75, 1)


def test_a_course_without_the_grade_service_says_so(lms, course, lena_at_level_three):
    _grade_passback(lms, GradePassback.LEVEL)
    course.context.lineitems_url = ""
    course.context.save()

    with pytest.raises(GradeSendError, match="no grade service"):
        mastery_send(link=course)


def test_grades_the_lms_refuses_are_reported(lms, course, lena_at_level_three):
    _grade_passback(lms, GradePassback.LEVEL)
    lms.refuse_tokens = True

    with pytest.raises(GradeSendError, match="The LMS refused the scores"):
        mastery_send(link=course)

    assert lms.scores == []


def test_a_changed_estimate_queues_mastery_for_the_linked_course(
    lms, course, world, monkeypatch, django_capture_on_commit_callbacks
):
    _grade_passback(lms, GradePassback.LEVEL)
    sample = sample_framework(owner=world["district"])
    queued = []
    monkeypatch.setattr(
        receivers, "mastery_send_task", SimpleNamespace(enqueue=lambda **kw: queued.append(kw))
    )

    with django_capture_on_commit_callbacks(execute=True):
        evidence_record(
            learner=world["lena"],
            target=sample["N.1.b"],
            scorer=world["erin"],
            assessed_at=timezone.now(),
            level=4,
        )

    assert queued == [
        {
            "link_ids": [course.pk],
            "learner_ids": [world["lena"].pk],
            "target_ids": [sample["N.1.b"].pk],
        }
    ]
    assert mastery_send_task.call(**queued[0]) == {"sent": 1, "refused": {}}
    assert lms.scores[0][1]["scoreGiven"] == 4


def test_the_send_button_sends_now(client, lms, course, lena_at_level_three, world):
    _grade_passback(lms, GradePassback.LEVEL)
    client.force_login(world["erin"])

    response = client.post(f"/lti/courses/{course.pk}/send/", follow=True)

    assert "1 scores sent to the LMS." in response.content.decode()
    assert len(lms.scores) == 1


def test_the_command_sends_every_course_that_takes_mastery(lms, course, lena_at_level_three):
    _grade_passback(lms, GradePassback.LEVEL)
    out = StringIO()

    call_command("lti_send_mastery", stdout=out)

    assert "Math 6A (Canvas) → Math 6A: 1 score(s) sent" in out.getvalue()
    assert lms.scores[0][1]["scoreGiven"] == 3


def test_the_command_refuses_a_course_that_takes_no_mastery(course):
    with pytest.raises(CommandError, match=f"No linked course {course.pk}"):
        call_command("lti_send_mastery", f"--course={course.pk}")
