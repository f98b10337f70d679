"""``continuum report_card``: a PDF for one learner and period, recorded as a disclosure."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from continuum.privacy.models import Disclosure, Via


def test_the_command_writes_a_tagged_pdf_and_records_who_generated_it(world, fall, tmp_path):
    out = tmp_path / "lena.pdf"
    call_command(
        "report_card", "lena", f"--period={fall.pk}", "--lang=es", f"--pdf={out}", "--user=leo"
    )
    assert out.read_bytes().startswith(b"%PDF")
    disclosure = Disclosure.objects.get(learner=world["lena"])
    assert (disclosure.actor, disclosure.via) == (world["leo"], Via.REPORT)


def test_without_period_the_schools_current_one_is_used(world, fall, tmp_path):
    out = tmp_path / "lena.pdf"
    call_command("report_card", "lena", f"--pdf={out}", stdout=(buffer := StringIO()))
    assert "Fall 2025" in buffer.getvalue()  # today is after it ended: the last ended one


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["nobody"], "No user is named 'nobody'"),
        (["gabe"], "gabe is not a learner"),
        (["lena", "--period=999"], "No reporting period 999 at lena's school"),
        (["lena", "--user=nobody"], "No user is named 'nobody'"),
    ],
)
def test_bad_input_is_a_clear_error_and_writes_nothing(world, fall, tmp_path, arguments, message):
    out = tmp_path / "out.pdf"
    with pytest.raises(CommandError, match=message):
        call_command("report_card", *arguments, f"--pdf={out}")
    assert not out.exists()
    assert not Disclosure.objects.exists()


def test_a_school_without_periods_is_a_clear_error(world, tmp_path):
    with pytest.raises(CommandError, match="has no reporting period yet"):
        call_command("report_card", "lena", f"--pdf={tmp_path / 'out.pdf'}")
