"""Writing documents: the seed notice (DOCX, PDF), 25 scorecards in one PDF, the workbook.

Each beside the least the same library does: an empty python-docx document saved, empty A4
pages rendered by WeasyPrint with the print templates' font CSS (Sarabun loaded the same
way), an empty openpyxl workbook saved.

The notice is written as ``kpi notice`` writes it, from the parser's JSON. The scorecards
and the workbook are composed from the database and written, as their download views do, for
an approved round of 25 districts built once (untimed) in a scratch database by the report
tests' ``approved_world`` (every result submitted, verified and approved through the actions).
"""

from __future__ import annotations

from collections.abc import Callable
from io import BytesIO

from bench.paths import SEED
from bench.scratch import ScratchDatabases
from bench.timing import Runs, measure, report

DISTRICTS = 25


def _empty_pages(pages: int) -> Callable[[], bytes]:
    """Renders *pages* empty A4 pages; the HTML is made here, untimed."""
    import weasyprint  # type: ignore[import-untyped]

    from kpi.documents.writing.printing import render_template

    fonts = render_template("documents/print/fonts.css", {})
    html = (
        f'<!DOCTYPE html><html lang="th"><head><meta charset="utf-8"><style>{fonts}'
        "@page { size: A4; margin: 2.5cm 2cm 2cm 3cm; }"
        'body { font-family: "Sarabun"; font-size: 16pt; }'
        "div + div { break-before: page; }</style></head>"
        f"<body>{'<div></div>' * pages}</body></html>"
    )

    def render() -> bytes:
        return weasyprint.HTML(string=html).write_pdf()

    return render


def _notice(runs: Runs) -> None:
    from docx import Document  # type: ignore[import-untyped]

    from kpi.circulars import dumps, parse_path
    from kpi.documents.writing import NoticeOptions, read_json, render_notice

    data = dumps(parse_path(SEED)).encode("utf-8")
    options = NoticeOptions(thai_digits=True)

    def empty_docx() -> None:
        Document().save(BytesIO())

    baselines = {
        "docx": ("empty python-docx document saved", empty_docx),
        "pdf": ("empty A4 page, WeasyPrint, same fonts", _empty_pages(1)),
    }
    for output_format, (baseline_name, baseline) in baselines.items():

        def notice(output_format: str = output_format) -> None:
            render_notice(read_json(data), output_format, options)

        report(
            f"seed notice to {output_format.upper()} (kpi notice -o x.{output_format})",
            measure(notice, repeat=runs(7), warmup=runs.warmup),
            baseline_name,
            measure(baseline, repeat=runs(7), warmup=runs.warmup),
        )


def _approved_round():  # type: ignore[no-untyped-def]
    """The approved round and its appraised people, as the round's scorecard view lists them."""
    from django.db import transaction
    from tests.documents.report_builders import approved_world, round_of

    from kpi import access

    with transaction.atomic():  # one commit: each action's own would cost more than the rest
        world = approved_world(extra_districts=DISTRICTS - 2)
    round = round_of(world)
    people = list(
        access.visible_scorecard_people(world.user("evaluator"), round).order_by(
            "district__dopa_code", "first_name", "pk"
        )
    )
    return round, people


def _reports(runs: Runs, databases: ScratchDatabases) -> None:
    from openpyxl import Workbook  # type: ignore[import-untyped]

    from kpi.documents import reports
    from kpi.documents.writing.scorecard import scorecards_pdf
    from kpi.documents.writing.xlsx import write_workbook

    with databases.fresh():
        round, people = _approved_round()
        if len(people) != DISTRICTS:
            raise RuntimeError(f"{len(people)} people to appraise, expected {DISTRICTS}")

        def cards() -> None:
            scorecards_pdf(reports.scorecards(round, people))

        def workbook() -> None:
            write_workbook(reports.results_workbook(round), title=f"ผลการดำเนินงาน {round}")

        def empty_workbook() -> None:
            Workbook().save(BytesIO())

        # The notice's PDF has warmed WeasyPrint and the text-layer repair up: no warm-up run
        # of a figure that takes seconds.
        report(
            f"{DISTRICTS} scorecards, one PDF (compose + write)",
            measure(cards, repeat=runs(5)),
            f"{DISTRICTS} empty A4 pages, WeasyPrint, same fonts",
            measure(_empty_pages(DISTRICTS), repeat=runs(5)),
        )
        report(
            f"round workbook, XLSX ({DISTRICTS} districts; compose + write)",
            measure(workbook, repeat=runs(5), warmup=runs.warmup),
            "empty openpyxl workbook saved",
            measure(empty_workbook, repeat=runs(5), warmup=runs.warmup),
        )


def run(runs: Runs, databases: ScratchDatabases) -> None:
    _notice(runs)
    _reports(runs, databases)
