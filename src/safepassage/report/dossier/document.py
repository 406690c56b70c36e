"""A dossier as plain data for the Typst template: a title, header fields and sections made of
a few kinds of block. Each kind's module only decides what goes in; templates/dossier.typ
decides how every block looks, so all four documents share one layout.

A value the app does not hold is a `todo`: printed as a marked gap to complete, never guessed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

Value = str | dict[str, str]  # text, or {"todo": what to fill in}


def todo(what: str) -> dict[str, str]:
    return {"todo": what}


@dataclass
class Section:
    title: str
    blocks: list[dict[str, Any]] = field(default_factory=list)

    def para(self, text: str) -> Section:
        self.blocks.append({"type": "para", "text": text})
        return self

    def todo(self, what: str) -> Section:
        self.blocks.append({"type": "todo", "text": what})
        return self

    def fields(self, rows: list[tuple[str, Value]]) -> Section:
        self.blocks.append({"type": "fields", "rows": [[label, value] for label, value in rows]})
        return self

    def items(self, items: list[Value], numbered: bool = False) -> Section:
        if items:
            self.blocks.append({"type": "items", "items": items, "numbered": numbered})
        return self

    def statements(self, statements: list[dict[str, Any]]) -> Section:
        if statements:
            self.blocks.append({"type": "statements", "items": statements})
        return self

    def findings(self, findings: list[dict[str, Any]]) -> Section:
        if findings:
            self.blocks.append({"type": "findings", "items": findings})
        return self

    def heading(self, text: str, level: int = 2) -> Section:
        self.blocks.append({"type": "heading", "text": text, "level": level})
        return self

    def table(self, header: list[str], rows: list[list[Value]]) -> Section:
        if rows:
            self.blocks.append({"type": "table", "header": header, "rows": rows})
        return self


@dataclass
class Document:
    language: str
    title: str
    subtitle: str = ""
    banner: list[str] = field(default_factory=list)  # lines in bold on the first page
    header: list[list[Value]] = field(default_factory=list)
    notice: str = ""
    footer: str = ""
    running_head: str = ""
    words: dict[str, str] = field(default_factory=dict)  # the template's own few words
    sections: list[Section] = field(default_factory=list)

    def section(self, title: str) -> Section:
        section = Section(title)
        self.sections.append(section)
        return section

    def to_data(self) -> dict[str, Any]:
        return {
            "lang": self.language,
            "title": self.title,
            "subtitle": self.subtitle,
            "banner": self.banner,
            "header": self.header,
            "notice": self.notice,
            "footer": self.footer,
            "running_head": self.running_head,
            "words": self.words,
            "sections": [
                {"title": s.title, "blocks": s.blocks} for s in self.sections if s.blocks
            ],
        }
