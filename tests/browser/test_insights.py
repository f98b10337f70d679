"""An educator reads her section's heatmap, sorts it, drills down to the evidence and
forms a group from a suggestion, then opens a support plan from a flag on one of her
learners; the leader reads the school heatmap. On the demo school."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from continuum.demo.school import demo_school_build
from continuum.insights.models import Group
from continuum.people.passwords import DEMO_PASSWORD
from continuum.supports.models import Flag, SupportPlan


@pytest.mark.django_db(transaction=True)
def test_the_educator_goes_from_the_heatmap_to_a_group(visit):
    demo_school_build(seed=2026, today=timezone.localdate())
    page = visit.page
    visit.login("educator", DEMO_PASSWORD)
    visit.open("/insights/", "insights-home")
    page.get_by_role("link", name=re.compile(r"^Heatmap")).first.click()
    page.locator("#hm-table").wait_for()
    visit.check("insights-section-heatmap")

    # Learners are never ranked: only ordered by need on one target. HTMX swaps the map.
    assert page.get_by_role("group", name="Sort learners by").get_by_role("link").count() == 1
    page.locator("#hm-table thead a.hm-need").first.click()
    page.locator("#hm-table[data-sort^='need-']").wait_for()
    assert "sort=need-" in page.url
    spoken = page.locator("#hm-table tbody td.hm-cell:first-of-type .sr-only").all_inner_texts()
    need = ["not yet", "approaching", "not started", "proficient", "advanced"]
    ranks = [next(i for i, word in enumerate(need) if text.startswith(word)) for text in spoken]
    assert len(ranks) > 3
    assert ranks == sorted(ranks)  # most need first on that target
    visit.check("insights-section-heatmap-sorted")

    # Drill down: the first cell opens the learner's estimate and its evidence.
    heatmap_url = page.url
    page.locator("#hm-table tbody tr").first.locator("td.hm-cell a").first.click()
    page.wait_for_url(re.compile(r"/learning/learners/\d+/targets/\d+/"))
    visit.check("insights-drill-down")
    page.goto(heatmap_url)
    page.locator("#hm-table[data-sort^='need-']").wait_for()

    # Targets where many struggle → suggested groups → form one.
    page.get_by_role("link", name=re.compile(r"^Suggest groups")).first.click()
    page.get_by_role("heading", name="Suggested groups").wait_for()
    visit.check("insights-groups-suggested")
    form = page.locator("form", has=page.get_by_role("button", name=re.compile(r"^Form group 1")))
    first = form.first
    boxes = first.get_by_role("checkbox")
    checked = [box for box in boxes.all() if box.is_checked()]
    checked[-1].uncheck()  # the educator edits the suggestion before accepting it
    first.get_by_role("button", name=re.compile(r"^Form group 1")).click()
    page.get_by_role("heading", name=re.compile(r"^Group on ")).wait_for()
    page.get_by_text(re.compile(r"Group formed on .* with \d+ learners\.")).wait_for()
    visit.check("insights-group")
    group = Group.objects.order_by("-pk").first()
    assert group is not None
    assert group.memberships.count() == len(checked) - 1
    assert group.created_by.username == "educator"

    # A flag on one of her learners → a support plan opened from it.
    flag = (
        Flag.objects.filter(
            learner__enrollments__section=group.section,
            kind=Flag.Kind.REPEATED_NOT_YET,
            state=Flag.State.OPEN,
            learner__support_plans=None,
        )
        .select_related("learner")
        .first()
    )
    assert flag is not None, "the demo gives the educator's section a repeated not yet"
    visit.open(f"/learners/{flag.learner.pk}/", "insights-learner-detail")
    page.get_by_role("link", name="Supports and pace").click()
    page.get_by_role("heading", name="Flags").wait_for()
    row = page.get_by_role("row").filter(has_text=flag.explanation[:40])
    row.get_by_role("link", name=re.compile("^Open a support plan")).click()
    page.wait_for_url("**/plans/new/**")
    assert page.get_by_label("Concern").input_value() == flag.explanation
    page.locator("#id_goal").fill(f"Reach proficient on {flag.target.human_coding_scheme} soon.")
    page.get_by_label("Review date").fill((timezone.localdate() + timedelta(days=14)).isoformat())
    page.get_by_role("button", name="Open plan").click()
    page.wait_for_url("**/supports/plans/**")
    visit.check("insights-support-plan")
    plan = SupportPlan.objects.get(learner=flag.learner)
    assert plan.flags.get() == flag


@pytest.mark.django_db(transaction=True)
def test_the_leader_reads_the_school_heatmap(visit):
    demo_school_build(seed=2026, today=timezone.localdate())
    page = visit.page
    visit.login("leader", DEMO_PASSWORD)
    visit.open("/insights/", "insights-home-leader")
    page.get_by_role("link", name=re.compile(r"heatmap$")).first.click()
    page.locator("#hm-table").wait_for()
    visit.check("insights-school-heatmap")
    page.get_by_role("group", name="Sort targets by").get_by_role(
        "link", name="Most not yet"
    ).click()
    page.locator("#hm-table[data-sort='not_yet']").wait_for()
    page.locator("#hm-table tbody td.hm-cell a").first.click()
    page.wait_for_url(re.compile(r"/insights/sections/\d+/heatmap/"))
    visit.check("insights-school-drill-down")
