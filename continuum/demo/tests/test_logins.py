"""Every demo account carries the demo-password flag, so a production deploy refuses it."""

from datetime import date

from continuum.demo.school import demo_school_build
from continuum.people.checks import check_no_demo_passwords
from continuum.people.models import User


def test_every_demo_school_account_is_refused_not_only_the_published_ones(settings, db):
    demo_school_build(seed=2026, today=date(2026, 11, 23))
    settings.CONTINUUM_DEMO = False
    flagged = User.objects.filter(has_demo_password=True).count()
    assert flagged == User.objects.count()
    assert f"{flagged} active account(s)" in check_no_demo_passwords(None)[0].msg
