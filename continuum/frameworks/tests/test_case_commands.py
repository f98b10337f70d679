"""``continuum import_case`` and ``continuum export_case``."""

import http.server
import json
import threading
from functools import partial

import pytest
from django.core.management import CommandError, call_command

from continuum.frameworks.models import Framework, FrameworkVersion
from continuum.frameworks.tests.fixtures import FOLDER, case_sample

pytestmark = pytest.mark.django_db
SAMPLE = FOLDER / "case_sample.json"


def run(command: str, *args: str) -> str:
    from io import StringIO

    out = StringIO()
    call_command(command, *args, stdout=out)
    return out.getvalue()


def test_import_case_reports_created_then_unchanged():
    assert run("import_case", str(SAMPLE)).startswith("created: Maple Grove Sample Continuum")
    assert run("import_case", str(SAMPLE)).startswith("unchanged:")


def test_import_case_records_the_importer(world):
    run("import_case", str(SAMPLE), "--user", "ada")
    assert FrameworkVersion.objects.get().created_by == world["ada"]


def test_import_case_fails_on_a_bad_package_and_changes_nothing(tmp_path):
    broken = tmp_path / "broken.json"
    broken.write_text(SAMPLE.read_text()[:300])
    with pytest.raises(CommandError, match=r"not valid JSON.*nothing was imported"):
        run("import_case", str(broken))
    assert not Framework.objects.exists()


def test_import_case_reads_a_url(settings):
    settings.CONTINUUM_CASE_FETCH_ALLOW_HOSTS = ["127.0.0.1"]  # an on-premises publisher
    handler = partial(http.server.SimpleHTTPRequestHandler, directory=str(FOLDER))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_port}/case_sample.json"
        assert run("import_case", url).startswith("created:")
    finally:
        server.shutdown()
    assert FrameworkVersion.objects.get().source == url


def test_export_case_prints_the_package_by_identifier():
    run("import_case", str(SAMPLE))
    identifier = case_sample()["CFDocument"]["identifier"]
    assert json.loads(run("export_case", identifier)) == case_sample()


def test_export_case_refuses_an_unknown_framework():
    with pytest.raises(CommandError, match="no framework 'nope'"):
        run("export_case", "nope")
