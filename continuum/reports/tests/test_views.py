"""The report card page and its PDF, the educator's form and the leader's periods page."""

import re
import zlib
from datetime import date

from django.urls import reverse

from continuum.privacy.models import Disclosure
from continuum.reports.models import ReportingPeriod
from continuum.reports.tests.conftest import at, score


def _inflated(pdf: bytes) -> bytes:
    """The PDF with its compressed streams (object streams included) inflated, to read."""
    streams = re.findall(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.DOTALL)
    return pdf + b"".join(zlib.decompressobj().decompress(stream) for stream in streams)


def _url(name, world, period, **extra):
    return reverse(name, kwargs={"learner_id": world["lena"].pk, "period_id": period.pk, **extra})


def test_a_guardian_reads_the_report_card_in_plain_words(client, world, sample, fall):
    score(world, sample, "N.1.a", 4, at(2025, 10, 1))
    client.force_login(world["gabe"])
    page = client.get(_url("report_card", world, fall)).content.decode()
    assert "Report card: Lena Ortiz" in page
    assert "can do it with depth" in page
    assert "begun this period" in page
    assert "<svg" in page
    assert "Learning targets by status, per competency" in page
    assert "Sept. 1, 2025" in page  # dates in the reader's locale


def test_a_report_card_is_in_spanish_with_lang_es_dates_included(client, world, sample, fall):
    score(world, sample, "N.1.a", 4, at(2025, 10, 1))
    client.force_login(world["gabe"])
    response = client.get(_url("report_card", world, fall) + "?lang=es")
    page = response.content.decode()
    assert response.headers["Content-Language"] == "es"
    assert '<html lang="es">' in page
    assert "Boletín de calificaciones: Lena Ortiz" in page
    assert "lo puede hacer con profundidad" in page
    assert "1 de septiembre de 2025" in page


def test_the_viewers_preferred_language_is_used_without_lang(client, world, fall):
    world["gabe"].preferred_language = "es"
    world["gabe"].save()
    client.force_login(world["gabe"])
    page = client.get(_url("report_card", world, fall)).content.decode()
    assert "Aprendizaje académico" in page


def test_an_empty_period_says_so_instead_of_failing(client, world, fall):
    client.force_login(world["lena"])
    response = client.get(_url("report_card", world, fall))
    assert response.status_code == 200
    assert "No new work in this period" in response.content.decode()


def test_the_pdf_is_tagged_and_its_download_is_a_disclosure(client, world, sample, fall):
    score(world, sample, "N.1.a", 3, at(2025, 10, 1))
    client.force_login(world["gabe"])
    response = client.get(_url("report_card_pdf", world, fall) + "?lang=es")
    assert response["Content-Type"] == "application/pdf"
    assert "attachment" in response["Content-Disposition"]
    assert response.content.startswith(b"%PDF")
    pdf = _inflated(response.content)
    assert b"/StructTreeRoot" in pdf
    assert b"pdfuaid" in pdf
    assert b"/Lang (es)" in pdf
    assert b"/Alt" in pdf  # the chart has alt text
    disclosure = Disclosure.objects.get(learner=world["lena"], actor=world["gabe"])
    assert disclosure.what == "report_card_pdf"


def test_reading_the_page_is_a_disclosure(client, world, fall):
    client.force_login(world["erin"])
    client.get(_url("report_card", world, fall))
    assert Disclosure.objects.filter(learner=world["lena"], actor=world["erin"]).exists()


def test_a_period_of_another_school_is_not_found(client, world):
    birch = ReportingPeriod.objects.create(
        school=world["birch"],
        name="Birch fall",
        starts_on=date(2025, 9, 1),
        ends_on=date(2025, 12, 1),
    )
    client.force_login(world["leo"])
    assert client.get(_url("report_card", world, birch)).status_code == 404


def test_learners_and_guardians_find_report_cards_in_their_navigation(client, world, fall, winter):
    for person in ("lena", "gabe"):
        client.force_login(world[person])
        page = client.get(reverse("home"), follow=True).content.decode()
        assert f'href="{reverse("report_card_home")}"' in page
        listing = client.get(reverse("report_card_home")).content.decode()
        assert "Fall 2025" in listing
        assert "Winter 2026" in listing
        assert _url("report_card", world, fall) in listing
    client.force_login(world["erin"])
    page = client.get(reverse("home"), follow=True).content.decode()
    assert reverse("report_card_home") not in page


def test_an_educator_records_work_habits_shown_apart_from_academics(client, world, fall, habits):
    client.force_login(world["erin"])
    response = client.post(
        _url("report_observations", world, fall),
        {
            f"rating_{habits[0].pk}": "4",
            f"note_{habits[0].pk}": "Hands work in early",
            f"rating_{habits[1].pk}": "",
            "comment": "Lena explains her thinking clearly.",
            "next_steps": "Practise unit rates at home.",
        },
    )
    assert response.status_code == 302
    page = client.get(_url("report_card", world, fall)).content.decode()
    habits_at = page.index('id="habits"')
    assert page.index("Hands work in early") > habits_at > page.index('id="academic"')
    assert "consistently" in page
    assert "Practise unit rates at home." in page


def test_a_leader_sets_periods_and_an_overlap_is_refused_on_the_form(client, world, fall):
    client.force_login(world["leo"])
    data = {"name": "Overlap", "starts_on": "2025-12-01", "ends_on": "2026-01-31"}
    response = client.post(reverse("report_period_list"), data)
    assert response.status_code == 200
    assert "overlaps" in response.content.decode()
    data = {"name": "Winter 2026", "starts_on": "2026-01-05", "ends_on": "2026-03-27"}
    assert client.post(reverse("report_period_list"), data).status_code == 302
    assert ReportingPeriod.objects.filter(school=world["school"]).count() == 2
