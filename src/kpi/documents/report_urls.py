"""The printed reports' downloads (``kpi.documents.report_views``), under ``reports/``."""

from django.urls import path

from kpi.documents import report_views

urlpatterns = [
    path(
        "rounds/<int:round_pk>/agreements/<int:district_pk>.pdf",
        report_views.agreement_form,
        {"fmt": "pdf"},
        name="agreement_form_pdf",
    ),
    path(
        "rounds/<int:round_pk>/agreements/<int:district_pk>.docx",
        report_views.agreement_form,
        {"fmt": "docx"},
        name="agreement_form_docx",
    ),
    path(
        "rounds/<int:round_pk>/scorecards/<int:person_pk>.pdf",
        report_views.scorecard,
        name="scorecard",
    ),
    path(
        "rounds/<int:round_pk>/scorecards.pdf",
        report_views.round_scorecards,
        name="round_scorecards",
    ),
    path("rounds/<int:round_pk>/results.xlsx", report_views.round_results, name="round_results"),
]
