"""One to-do of a home page: a count in words and the page that clears it."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Todo:
    count: int
    text: str  # the whole line, count included ("3 reassessment requests to decide")
    url: str

    @property
    def waiting(self) -> bool:
        return self.count > 0
