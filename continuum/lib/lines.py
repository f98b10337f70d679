"""A problem in an uploaded file, said by line and field: every importer reports bad input
the same way ("line 7, field level: …"), so a person fixing one file knows how to read the
next importer's list."""

from dataclasses import dataclass


@dataclass(frozen=True)
class LineProblem:
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        where = f"line {self.line}" + (f", field {self.field}" if self.field else "")
        return f"{where}: {self.message}"
