"""The transcript page, the issued PDF, the public verification page, the leader's
conversion page and the navigation."""

import re
import zlib

from django.urls import reverse

from continuum.privacy.models import Disclosure, Via
from continuum.transcripts.models import GradeConversion, TranscriptIssue


def _inflated(pdf: bytes) -> bytes:
    streams = re.findall(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.DOTALL)
    return pdf + b"".join(zlib.decompressobj().decompress(stream) for stream in streams)


def _page(world):
    return reverse("transcript", kwargs={"learner_pk": world["lena"].pk})


def test_a_guardian_reads_the_transcript_recorded_once_as_a_report(client, world, record):
    client.force_login(world["gabe"])
    page = client.get(_page(world)).content.decode()
    assert "Mastery transcript: Lena Ortiz" in page
    assert "I can describe a ratio" in page
    assert "I can use unit rates" not in page
    assert "Oct. 3, 2025" in page
    assert "Grade 6 ratios credit" in page
    assert "Conversion (not a measure)" not in page  # Maple Grove has no table
    row = Disclosure.objects.get()  # the middleware adds no second, "page" row
    assert (row.actor, row.via, row.what) == (world["gabe"], Via.REPORT, "transcript")


def test_a_guardian_who_prefers_spanish_reads_it_in_spanish(client, world, record):
    world["gabe"].preferred_language = "es"
    world["gabe"].save()
    client.force_login(world["gabe"])
    page = client.get(_page(world)).content.decode()
    assert "Expediente de dominio: Lena Ortiz" in page
    assert "Créditos y certificados obtenidos" in page


def test_the_conversion_is_shown_marked_as_a_conversion(client, world, record):
    GradeConversion.objects.create(
        school=world["school"],
        version=2,
        effective_from="2025-01-01",
        rows=[{"status": 3, "letter": "B", "points": 3.0}],
        reason="State requires letters",
    )
    client.force_login(world["lena"])
    page = client.get(_page(world)).content.decode()
    assert "converted by the school's table v2, not a measure in itself" in page
    assert "B (3)" in page
    assert "can do it" in page  # the status stays


def test_issuing_hands_over_a_pdf_with_its_verification_link(client, world, record):
    client.force_login(world["lena"])
    response = client.post(reverse("transcript_issue", kwargs={"learner_pk": world["lena"].pk}))
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith('attachment; filename="transcript-lena-')
    issue = TranscriptIssue.objects.get()
    assert f"/transcripts/verify/{issue.token}/".encode() in _inflated(response.content)


def test_the_verification_page_shows_only_what_the_document_showed(client, world, record):
    client.force_login(world["lena"])
    client.post(reverse("transcript_issue", kwargs={"learner_pk": world["lena"].pk}))
    client.logout()
    token = TranscriptIssue.objects.get().token
    page = client.get(reverse("transcript_verify", args=[token])).content.decode()
    assert "Genuine, still current." in page
    assert "Lena Ortiz" in page
    assert "Maple Grove" in page
    assert "I can describe a ratio" not in page
    assert "Grade 6 ratios credit" not in page
    row = Disclosure.objects.get(what="transcript_verify")
    assert (row.actor, row.reason) == (None, "verification link")


def test_an_unknown_link_says_unknown(client, db):
    page = client.get(reverse("transcript_verify", args=["no-such-token"])).content.decode()
    assert "Unknown: no transcript was issued with this link." in page


def test_a_leader_withdraws_an_issued_transcript_with_a_reason(client, world, record):
    client.force_login(world["lena"])
    client.post(reverse("transcript_issue", kwargs={"learner_pk": world["lena"].pk}))
    issue = TranscriptIssue.objects.get()
    client.force_login(world["leo"])
    url = reverse("transcript_issue_revoke", args=[issue.pk])
    refused = client.post(url, {"reason": ""})
    assert refused.status_code == 200
    assert "This field is required" in refused.content.decode()
    assert client.post(url, {"reason": "Issued in error"}).status_code == 302
    page = client.get(reverse("transcript_verify", args=[issue.token])).content.decode()
    assert "Revoked: the school has withdrawn this transcript." in page


def test_a_leader_saves_a_new_version_and_a_bad_line_is_named(client, world):
    client.force_login(world["leo"])
    url = reverse("transcript_conversion")
    data = {"rows": "proficient = B 3", "effective_from": "2026-08-01", "reason": "State rule"}
    assert client.post(url, data).status_code == 302
    bad = client.post(url, {**data, "rows": "great = A"})
    assert "Line 1: “great” is neither a status" in bad.content.decode()
    assert list(GradeConversion.objects.values_list("version", "reason")) == [(1, "State rule")]
    assert "proficient = B 3" in client.get(url).content.decode()


def test_learners_and_guardians_find_the_transcript_in_their_navigation(client, world):
    for who, present in (("lena", True), ("gabe", True), ("erin", False)):
        client.force_login(world[who])
        page = client.get(reverse("home")).content.decode()
        assert (reverse("transcript_home") in page) is present, who
    client.force_login(world["gabe"])
    home = client.get(reverse("transcript_home")).content.decode()
    assert _page(world) in home
