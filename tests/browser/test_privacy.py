"""The district admin's privacy work in a real browser: who read a learner's record, an
export with its reason, and a deletion confirmed by typing the username."""

import zipfile

import pytest

from continuum.people.models import User


@pytest.mark.django_db(transaction=True)
def test_the_district_admin_reads_the_log_exports_a_learner_and_deletes_another(
    visit, world, tmp_path
):
    visit.login("erin")  # Erin opens Lena's evidence: a disclosure
    visit.page.goto(f"/learners/{world['lena'].pk}/")
    visit.page.get_by_role("link", name="Evidence and estimates").click()
    visit.page.context.clear_cookies()

    visit.login("ada")
    visit.page.goto(f"/learners/{world['lena'].pk}/")
    visit.check("privacy-learner-page")
    visit.page.get_by_role("link", name="Who has read this learner’s record").click()
    rows = visit.page.get_by_role("row").filter(has_text="Erin Walsh")
    assert rows.count() >= 1
    visit.check("privacy-disclosures")

    visit.page.get_by_role("link", name="Export everything about this learner").click()
    visit.page.get_by_label("Why is this export made?").fill("Family asked for a copy")
    with visit.page.expect_download() as download:
        visit.page.get_by_role("button", name="Download the export").click()
    path = tmp_path / "lena.zip"
    download.value.save_as(path)
    with zipfile.ZipFile(path) as archive:
        assert "data.json" in archive.namelist()
        assert "Lena" in archive.read("data.json").decode()

    visit.page.goto(f"/learners/{world['omar'].pk}/")
    visit.page.get_by_role("link", name="Delete this learner").click()
    visit.page.get_by_label("Why is this learner deleted?").fill("Left the district in 2025")
    visit.page.get_by_label("Type the learner’s username to confirm").fill("omar")
    visit.page.get_by_role("button", name="Delete this learner").click()
    visit.check("privacy-deleted")
    assert not User.objects.filter(username="omar").exists()

    visit.page.set_viewport_size({"width": 390, "height": 844})
    visit.page.goto("/privacy/")
    assert visit.page.get_by_text("Family asked for a copy").count() >= 1
    visit.check("privacy-disclosures-phone")
