"""The public-modules contract (tests/architecture.py) on small import graphs: it refuses an
app reaching into another app's internals and lets public modules, models, libraries, tests
and migrations through. ``lint-imports`` runs it on the real code base."""

import grimp
import pytest

from tests.architecture import IllegalImport, PublicModulesContract

MODULES = [
    "shop",
    "shop.settings",
    "shop.lib",
    "shop.lib.paging",
    "shop.engine",
    "shop.engine.pricing",
    "shop.people",
    "shop.people.models",
    "shop.people.public",
    "shop.people.selectors",
    "shop.people.tests",
    "shop.people.tests.factories",
    "shop.orders",
    "shop.orders.models",
    "shop.orders.models.lines",
    "shop.orders.public",
    "shop.orders.services",
    "shop.orders.views",
    "shop.orders.migrations",
    "shop.orders.migrations.0002_lines",
    "shop.orders.tests",
    "shop.orders.tests.test_views",
]


def _contract() -> PublicModulesContract:
    return PublicModulesContract(
        name="Apps import each other only through public.py and models",
        session_options={"root_packages": ["shop"]},
        contract_options={
            "type": "public_modules",
            "container": "shop",
            "libraries": ["shop.lib", "shop.engine"],
            "public": ["public", "models"],
        },
    )


def _check(*imports: tuple[str, str]):
    graph = grimp.ImportGraph()
    for module in MODULES:
        graph.add_module(module)
    for line, (importer, imported) in enumerate(imports, start=1):
        graph.add_import(
            importer=importer, imported=imported, line_number=line, line_contents="import"
        )
    return _contract().check(graph, verbose=False)


def test_imports_of_public_modules_models_and_libraries_keep_the_contract():
    check = _check(
        ("shop.orders.services", "shop.people.public"),
        ("shop.orders.views", "shop.people.models"),
        ("shop.orders.views", "shop.orders.services"),  # its own internals
        ("shop.orders.public", "shop.orders.services"),
        ("shop.people.selectors", "shop.orders.models.lines"),  # inside a models package
        ("shop.orders.services", "shop.engine.pricing"),
        ("shop.people.selectors", "shop.lib.paging"),
        ("shop.settings", "shop.orders.views"),  # the project wires the apps together
    )

    assert check.kept
    assert check.metadata["illegal_imports"] == []


@pytest.mark.parametrize(
    "imported",
    ["shop.people.selectors", "shop.people", "shop.people.tests.factories"],
    ids=["a selector", "the package itself", "a test helper"],
)
def test_an_app_reaching_into_another_apps_internals_breaks_the_contract(imported):
    check = _check(
        ("shop.orders.services", "shop.people.public"),
        ("shop.orders.views", imported),
    )

    assert not check.kept
    assert check.metadata["illegal_imports"] == [IllegalImport("shop.orders.views", imported, (2,))]


def test_a_library_reaching_into_an_apps_internals_breaks_the_contract():
    check = _check(("shop.lib.paging", "shop.orders.services"))

    assert check.metadata["illegal_imports"] == [
        IllegalImport("shop.lib.paging", "shop.orders.services", (1,))
    ]


def test_tests_and_migrations_inside_an_app_may_use_another_apps_internals():
    check = _check(
        ("shop.orders.tests.test_views", "shop.people.tests.factories"),
        ("shop.orders.tests.test_views", "shop.people.selectors"),
        ("shop.orders.migrations.0002_lines", "shop.people.selectors"),
    )

    assert check.kept


def test_a_broken_contract_lists_each_importer_and_what_it_imported(capsys):
    check = _check(
        ("shop.orders.views", "shop.people.selectors"),
        ("shop.orders.services", "shop.people.public"),
        ("shop.people.selectors", "shop.orders.services"),
    )

    _contract().render_broken_contract(check)

    shown = capsys.readouterr().out
    assert "- shop.orders.views -> shop.people.selectors (l.1)" in shown
    assert "- shop.people.selectors -> shop.orders.services (l.3)" in shown
    assert "shop.people.public" not in shown
