"""The printed reports composed from the database: agreement forms, scorecards, the workbook.

Each function loads its rows in a fixed number of queries, takes every number from the
scoring engine (``kpi.scoring``, ``kpi.results.reporting``) and returns printed parts that
``kpi.documents.writing`` lays out::

    agreement_forms(round, agreements, thai_digits=True) -> AgreementForms
        -> writing.agreement_form.agreement_forms_pdf / agreement_form_docx.agreement_forms_docx
    scorecards(round, people, thai_digits=True) -> Scorecards -> writing.scorecard.scorecards_pdf
    results_workbook(round) -> list[Sheet] -> writing.xlsx.write_workbook

Who may have which is ``kpi.access``'s decision (``kpi.documents.report_views`` asks it).
"""

from kpi.documents.reports.agreements import agreement_forms
from kpi.documents.reports.scorecards import scorecards
from kpi.documents.reports.workbook import results_workbook

__all__ = ["agreement_forms", "results_workbook", "scorecards"]
