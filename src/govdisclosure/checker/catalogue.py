"""The rule catalogue, generated from the registry (the documentation includes it).

>>> print(catalogue_markdown().splitlines()[0])
| id | family | severity | printed in the form | checks |
"""

from __future__ import annotations

from govdisclosure.checker.registry import FAMILIES, rules

__all__ = ["catalogue_markdown"]


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def catalogue_markdown() -> str:
    """Every registered rule as Markdown: an overview table, then one entry per rule
    with its description and an example of a failing place."""
    everything = sorted(rules(), key=lambda r: (FAMILIES.index(r.family), r.id))
    lines = [
        "| id | family | severity | printed in the form | checks |",
        "|---|---|---|---|---|",
    ]
    for r in everything:
        printed = "yes" if r.printed else "implied"
        lines.append(
            f"| [{r.id}](#rule-{r.id.lower()}) | {r.family} | {r.severity.value} | {printed} "
            f"| {_cell(r.title_en)} |"
        )
    for family in FAMILIES:
        members = [r for r in everything if r.family == family]
        if not members:
            continue
        lines += ["", f"## {family}"]
        for r in members:
            lines += [
                "",
                f"({'rule-' + r.id.lower()})=",
                f"### {r.id}: {r.title_zh}",
                "",
                f"*{r.title_en}* — severity **{r.severity.value}**; "
                + ("printed in the official form" if r.printed else "implied by the tables")
                + ("; compares with last year's report" if r.needs_previous else "")
                + ("; compares a summary with the reports it adds up" if r.needs_parts else "")
                + ("; compares the reports of a batch with each other" if r.needs_batch else "")
                + ".",
                "",
                _cell(r.description),
                "",
                f"Example of a failing place: {r.example}",
            ]
    return "\n".join(lines) + "\n"
