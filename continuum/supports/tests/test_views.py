"""The supports pages: caseload with freshness, a plan opened from a flag, progress."""

from datetime import UTC, date, datetime, timedelta

from django.urls import reverse
from django.utils import timezone

from continuum.evidence.services.recording import evidence_record
from continuum.supports import selectors
from continuum.supports.models import Flag, LearnerPace, SupportPlan, SupportsRun
from continuum.supports.services.compute import supports_compute
from continuum.supports.tests.conftest import TODAY


def test_the_caseload_shows_pace_and_how_fresh_it_is(client, supports):
    supports_compute(school=supports["school"], today=TODAY)
    client.force_login(supports["cora"])
    page = client.get(reverse("caseload")).content.decode()
    assert "Flags and pace computed just now." in page
    assert "Behind" in page
    assert "Recompute now" in page


def test_a_running_recompute_is_polled_until_it_finishes(client, supports):
    run = SupportsRun.objects.create(school=supports["school"], total=10, processed=4)
    run.started_at = timezone.now()
    run.save()
    client.force_login(supports["leo"])
    page = client.get(reverse("caseload")).content.decode()
    assert 'hx-trigger="every 2s"' in page
    assert "4 of 10 learners" in page
    run.finished_at, run.processed = timezone.now(), 10
    run.save()
    fragment = client.get(reverse("supports_run", args=[run.pk]), HTTP_HX_REQUEST="true")
    body = fragment.content.decode()
    assert "hx-trigger" not in body
    assert "<html" not in body
    assert "computed" in body


def test_a_plan_opened_from_a_flag_is_prefilled(client, supports):
    supports_compute(school=supports["school"], today=TODAY)
    flag = Flag.objects.get(learner=supports["lena"], kind="repeated_not_yet")
    client.force_login(supports["erin"])
    url = reverse("plan_create", args=[supports["lena"].pk]) + f"?flag={flag.pk}"
    page = client.get(url).content.decode()
    assert "last 4 pieces of evidence" in page
    review = (timezone.localdate() + timedelta(days=7)).isoformat()
    response = client.post(
        reverse("plan_create", args=[supports["lena"].pk]),
        {
            "flag": flag.pk,
            "tier": "2",
            "concern": flag.explanation,
            "goal": "Proficient",
            "targets": [flag.target_id],
            "review_on": review,
        },
    )
    plan = SupportPlan.objects.get()
    assert response["Location"] == reverse("plan_detail", args=[plan.pk])
    assert list(plan.targets.all()) == [flag.target]


def test_a_past_review_date_is_refused_and_nothing_is_saved(client, supports):
    client.force_login(supports["erin"])
    response = client.post(
        reverse("plan_create", args=[supports["lena"].pk]),
        {"tier": "1", "concern": "c", "goal": "g", "review_on": "2020-01-01"},
    )
    assert "The review date cannot be in the past." in response.content.decode()
    assert not SupportPlan.objects.exists()


def test_the_family_sees_only_what_was_shared(client, supports):
    SupportPlan.objects.create(
        learner=supports["lena"],
        concern="internal concern",
        goal="g",
        review_on=timezone.localdate(),
        created_by=supports["erin"],
        shared_with_family=True,
        family_summary="Practice together at home.",
    )
    client.force_login(supports["gabe"])
    page = client.get(reverse("supports_family_summary", args=[supports["lena"].pk])).content
    assert b"Practice together at home." in page
    assert b"internal concern" not in page


def test_the_caseload_counts_academic_and_lifelong_targets_apart(client, supports):
    lena, maths = supports["lena"], supports["maths"]
    supports["requirement"].competencies.add(maths["SEL.1"])
    evidence_record(
        learner=lena,
        target=maths["SEL.1.a"],
        scorer=supports["erin"],
        level=4,
        assessed_at=datetime(2026, 10, 1, 9, tzinfo=UTC),
    )
    supports_compute(school=supports["school"], today=TODAY)
    pace = LearnerPace.objects.get(learner=lena)
    assert (pace.mastered, pace.needed) == (2, 5)
    (row,) = [row for row in selectors.caseload_list(supports["cora"]) if row.learner == lena]
    assert [(c.area, c.mastered, c.total) for c in row.areas] == [
        ("academic", 1, 4),
        ("lifelong", 1, 1),
    ]
    client.force_login(supports["cora"])
    page = client.get(reverse("caseload")).content.decode()
    assert "Academic: 1 of 4" in page
    assert "Lifelong learning / SEL: 1 of 1" in page
    assert "2 / 5" not in page  # the old count mixed the two areas


def test_a_requirement_in_one_area_shows_only_that_area(client, supports):
    supports_compute(school=supports["school"], today=TODAY)
    (row,) = [r for r in selectors.caseload_list(supports["cora"]) if r.learner == supports["lena"]]
    assert [(c.area, c.mastered, c.total) for c in row.areas] == [("academic", 1, 4)]
    client.force_login(supports["cora"])
    page = client.get(reverse("caseload")).content.decode()
    assert "Academic: 1 of 4" in page
    assert "Lifelong learning / SEL:" not in page


def _stored_pace(supports, **values) -> LearnerPace:
    defaults = {
        "status": "ahead",
        "mastered": 4,
        "needed": 4,
        "projected_on": TODAY,
        "explanation": "Ahead: 4 of 3 targets mastered (the engine's words).",
        "computed_at": timezone.now(),
    }
    return LearnerPace.objects.create(
        learner=supports["lena"],
        requirement=supports["requirement"],
        **{**defaults, **values},
    )


def test_the_pace_page_never_shows_more_mastered_than_needed(client, supports):
    _stored_pace(supports, mastered=4, needed=3, rate_per_week=1.0)
    client.force_login(supports["cora"])
    page = client.get(reverse("learner_pace", args=[supports["lena"].pk])).content.decode()
    assert "3 of the 3 targets needed mastered (4 of all 4)" in page
    assert "4 of 3" not in page
    assert "about one target a week" in page


def test_a_far_projection_is_said_as_not_on_track_on_the_pace_page_and_caseload(client, supports):
    _stored_pace(
        supports,
        status="behind",
        mastered=1,
        projected_on=date(2032, 4, 2),
        rate_per_week=0.01,
        finish_by=date(2029, 6, 1),
    )
    client.force_login(supports["cora"])
    for url in (reverse("learner_pace", args=[supports["lena"].pk]), reverse("caseload")):
        page = client.get(url).content.decode()
        assert "ot on track to finish by 1 Jun 2029 at this pace" in page
        assert "2032" not in page


def test_the_caseload_narrows_by_name_and_by_need(client, supports):
    supports_compute(school=supports["school"], today=TODAY)
    lena, omar = supports["lena"], supports["omar"]
    Flag.objects.filter(learner=omar).delete()
    client.force_login(supports["leo"])

    def shown(**query) -> list[str]:
        rows = client.get(reverse("caseload"), query).context["rows"]
        return [row.learner.username for row in rows]

    assert sorted(shown()) == ["lena", "omar"]
    assert shown(name="ORT") == ["lena"]
    assert shown(show="flagged") == ["lena"]
    assert shown(show="unplanned") == ["lena"]
    assert shown(show="behind") == [
        row.learner.username
        for row in selectors.caseload_list(supports["leo"])
        if any(pace.status == "behind" for pace in row.paces)
    ]
    assert sorted(shown(show="anything")) == ["lena", "omar"]
    page = client.get(reverse("caseload"), {"name": "ort"}).content.decode()
    assert "1 of 2 learners" in page
    SupportPlan.objects.create(
        learner=lena,
        concern="Ratios",
        goal="Ratios",
        review_on=TODAY,
        status=SupportPlan.Status.ACTIVE,
        created_by=supports["cora"],
    )
    assert shown(show="unplanned") == []
    assert omar.username not in shown(show="flagged")
