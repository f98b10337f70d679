"""Import-linter contracts of our own; pyproject.toml's ``[tool.importlinter]`` names them in
``contract_types`` and ``lint-imports`` (run from the project root) checks them with the rest."""

from dataclasses import dataclass

import grimp
from importlinter import Contract, ContractCheck, fields, output


@dataclass(frozen=True)
class IllegalImport:
    importer: str
    imported: str
    line_numbers: tuple[int, ...]


class PublicModulesContract(Contract):
    """Apps talk through one public module each (Open edX OEP-49, docs/architecture.md).

    Every subpackage of ``container`` is an app, except the ``libraries`` (the pure engine,
    generic helpers), which any module may import in full. A module of one app may import
    from another app only that app's modules named in ``public`` (``public`` and ``models``),
    or their submodules (``evidence.models`` is a package): not its package itself, not its
    services, selectors or signals. So an app's internals can change without reading the
    rest of the code base, and ``public.py`` lists what the others rely on.

    Not checked: tests inside an app package (any ``tests`` part in the module's name), which
    may import other apps' test helpers (factories) and internals to set up their data;
    migrations, which are Django's frozen history; and the project's own modules beside the
    apps (settings, the root URLconf), which wire the apps together.

    Configuration options:
        - container: the package whose subpackages are the apps.
        - libraries: subpackages of the container that are libraries, not apps. (Optional.)
        - public:    the names of the modules of an app that other apps may import.
    """

    type_name = "public_modules"

    container = fields.ModuleField()
    libraries = fields.ListField(subfield=fields.ModuleField(), required=False, default=[])
    public = fields.ListField(subfield=fields.StringField())

    def check(self, graph: grimp.ImportGraph, verbose: bool) -> ContractCheck:
        container = self.container.name  # type: ignore[attr-defined]
        owners = {child for child in graph.find_children(container) if graph.find_children(child)}
        apps = owners - {library.name for library in self.libraries}  # type: ignore[attr-defined]
        illegal = []
        for importer in sorted(graph.modules):
            source = _owner(importer, container, owners)
            if source is None or _exempt(importer):
                continue
            for imported in sorted(graph.find_modules_directly_imported_by(importer)):
                target = _owner(imported, container, apps)
                if target not in (None, source) and not self._public(imported, target):
                    details = graph.get_import_details(importer=importer, imported=imported)
                    lines = tuple(detail["line_number"] for detail in details)
                    illegal.append(IllegalImport(importer, imported, lines))
        output.verbose_print(verbose, f"{len(illegal)} imports reach into another app.")
        return ContractCheck(kept=not illegal, metadata={"illegal_imports": illegal})

    def _public(self, module: str, app: str) -> bool:
        """Whether ``module`` is one of ``app``'s public modules or inside one."""
        names = [f"{app}.{name}" for name in self.public]  # type: ignore[attr-defined]
        return any(module == name or module.startswith(f"{name}.") for name in names)

    def render_broken_contract(self, check: ContractCheck) -> None:
        illegal: list[IllegalImport] = check.metadata["illegal_imports"]
        output.print_error("Imports of another app's internals:", bold=False)
        output.new_line()
        for found in illegal:
            lines = f" (l.{', '.join(map(str, found.line_numbers))})" if found.line_numbers else ""
            output.print_error(f"- {found.importer} -> {found.imported}{lines}", bold=False)
        output.new_line()
        names = " or ".join(f"<app>.{name}" for name in self.public)  # type: ignore[attr-defined]
        output.print(f"Import {names} instead; add the name to its public.py.")


def _owner(module: str, container: str, packages: set[str]) -> str | None:
    """The package among ``packages`` (children of ``container``) that holds ``module``."""
    package = ".".join(module.split(".")[: container.count(".") + 2])
    return package if package in packages else None


def _exempt(module: str) -> bool:
    parts = module.split(".")
    return "tests" in parts or "migrations" in parts
