"""Documentation keeps up with the code: settings, commands and URLs are all described."""

import re
from pathlib import Path

from django.core.management import get_commands

ROOT = Path(__file__).resolve().parents[1]
SETTINGS_SOURCE = (ROOT / "continuum" / "settings.py").read_text()


def _documented(path: str) -> str:
    return (ROOT / path).read_text()


def test_every_environment_variable_is_documented():
    variables = set(re.findall(r'env(?:bool|int|list)?\("([A-Z_]+)"', SETTINGS_SOURCE))
    variables |= set(re.findall(r'os\.environ(?:\.get)?\(\s*"([A-Z_]+)"', SETTINGS_SOURCE))
    variables |= set(re.findall(r'"([A-Z_]+)" not in os\.environ', SETTINGS_SOURCE))
    table = _documented("docs/settings.md")
    missing = sorted(name for name in variables if f"`{name}`" not in table)
    assert variables, "the settings module reads no environment variables?"
    assert not missing, f"undocumented settings: {missing}"


def test_every_continuum_command_is_in_the_readme():
    readme = _documented("README.md")
    ours = sorted(name for name, app in get_commands().items() if app.startswith("continuum"))
    missing = [name for name in ours if f"continuum {name}" not in readme]
    assert ours, "no Continuum management commands found"
    assert not missing, f"commands missing from README.md: {missing}"


def test_the_readme_keeps_the_two_setup_commands_and_the_demo_logins():
    readme = _documented("README.md")
    assert "make demo" in readme
    assert "make test" in readme
    for username in ("learner", "guardian", "educator", "counselor", "leader", "admin", "partner"):
        assert f"`{username}`" in readme


def test_every_api_operation_has_a_summary_for_the_openapi_document():
    from continuum.api.v1 import api

    schema = api.get_openapi_schema()
    operations = [
        (method.upper(), path, operation)
        for path, methods in schema["paths"].items()
        for method, operation in methods.items()
    ]
    assert operations, "the API has no operations"
    unnamed = [
        f"{method} {path}" for method, path, operation in operations if not operation.get("summary")
    ]
    assert not unnamed, f"API operations without a summary: {unnamed}"


def test_every_link_between_documents_and_to_images_resolves():
    broken = []
    for page in [
        ROOT / "README.md",
        *ROOT.glob("docs/**/*.md"),
        *ROOT.glob("continuum/*/README.md"),
    ]:
        for target in re.findall(r"\]\(([^)#:]+)\)", page.read_text()):
            if not (page.parent / target).exists():
                broken.append(f"{page.relative_to(ROOT)} → {target}")
    assert not broken, f"broken links: {broken}"


def test_every_guide_picture_exists_and_is_taken_by_a_browser_test():
    """So scripts/refresh-guide-screenshots.sh can refresh every picture after axe passed
    on its page: a picture no test takes goes stale without anyone noticing."""
    guide = ROOT / "docs" / "user-guide"
    shown = set()
    for page in guide.glob("*.md"):
        shown |= set(re.findall(r"\]\(img/([A-Za-z0-9_-]+)\.png\)", page.read_text()))
    tests = "".join(path.read_text() for path in (ROOT / "tests" / "browser").glob("*.py"))
    taken = set(re.findall(r'"([a-z0-9-]+)(?:\.png)?"', tests))  # check, open, screenshot
    absent = sorted(name for name in shown if not (guide / "img" / f"{name}.png").exists())
    untaken = sorted(
        name for name in shown if name not in taken and name.removesuffix("-phone") not in taken
    )
    unused = sorted(path.stem for path in (guide / "img").glob("*.png") if path.stem not in shown)
    assert shown
    assert not absent, f"pictures the guide shows but does not have: {absent}"
    assert not untaken, f"pictures no browser test takes: {untaken}"
    assert not unused, f"pictures no guide page shows: {unused}"
