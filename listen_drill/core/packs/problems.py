"""What is wrong with a pack file, in words a trainer can act on.

A `Problem` renders as `FILE:LINE: where: message` (the line when it is known), the form editors
and terminals turn into a link. Warnings do not stop a pack from loading.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a pack file: `FILE:LINE: where: message`."""

    source: str
    where: str
    message: str
    line: int | None = None
    warning: bool = False

    def __str__(self) -> str:
        place = f"{self.source}:{self.line}" if self.line else self.source
        label = " warning:" if self.warning else ""
        where = f" {self.where}:" if self.where else ""
        return f"{place}:{label}{where} {self.message}"


class PackError(Exception):
    """A pack was refused; `problems` lists every reason (errors first, then warnings)."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(problem) for problem in problems))

    @property
    def errors(self) -> list[Problem]:
        return [problem for problem in self.problems if not problem.warning]
