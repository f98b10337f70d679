"""Finding a CSV line's learning target by code or identifier (``csv_import``'s lookup)."""

from continuum.frameworks.models import Framework, FrameworkItem, ItemKind


class CsvTargets:
    """Finds targets by code or identifier in the current version of each framework."""

    def __init__(self) -> None:
        self.frameworks = list(Framework.objects.all())
        versions = {}
        for framework in self.frameworks:
            current = framework.current
            if current is not None:
                versions[current.pk] = framework
        self.framework_of_version = versions
        self.items = list(
            FrameworkItem.objects.filter(version_id__in=versions, kind=ItemKind.TARGET)
        )

    def framework(self, value: str) -> tuple[Framework | None, str | None]:
        if not value:
            return None, None
        found = [f for f in self.frameworks if value in (f.identifier, f.title)]
        if not found:
            found = [f for f in self.frameworks if f.title.casefold() == value.casefold()]
        if len(found) != 1:
            return None, f"no framework with the identifier or title “{value}”"
        return found[0], None

    def find(
        self, code: str, identifier: str, framework: Framework | None
    ) -> tuple[FrameworkItem | None, str, str | None]:
        name = "target_identifier" if identifier else "target_code"
        if not code and not identifier:
            return None, "target_code", "give a target_code or a target_identifier"
        candidates = [
            item
            for item in self.items
            if (item.identifier == identifier if identifier else item.human_coding_scheme == code)
            and (framework is None or self.framework_of_version[item.version_id] == framework)
        ]
        shown = identifier or code
        if not candidates:
            where = f" in {framework.title}" if framework else ""
            return None, name, f"no learning target {shown}{where}"
        if len(candidates) > 1:
            titles = sorted({self.framework_of_version[i.version_id].title for i in candidates})
            return (
                None,
                name,
                f"{shown} is in more than one framework ({'; '.join(titles)}); "
                "add a framework column",
            )
        return candidates[0], name, None
