from django.urls import path

from kpi.rounds import audit_views, lifecycle_views, reporting_views, views

urlpatterns = [
    path("", views.home, name="home"),
    path("rounds/<int:pk>/", views.round_page, name="round"),
    path("indicators/<int:pk>/", views.indicator_page, name="indicator"),
    # The round's life (status, deadline) and what the province follows during it.
    path("rounds/<int:pk>/lifecycle/", lifecycle_views.round_lifecycle, name="round_lifecycle"),
    path("rounds/<int:pk>/open/", lifecycle_views.open_round, name="round_open"),
    path("rounds/<int:pk>/close/", lifecycle_views.close_round, name="round_close"),
    path("rounds/<int:pk>/approve/", lifecycle_views.approve_round, name="round_approve"),
    path("rounds/<int:pk>/archive/", lifecycle_views.archive_round, name="round_archive"),
    path("rounds/<int:pk>/reopen/", lifecycle_views.reopen_round, name="round_reopen"),
    path("rounds/<int:pk>/deadline/", lifecycle_views.set_deadline, name="round_deadline"),
    path("rounds/<int:pk>/reporting/", reporting_views.reporting_board, name="round_reporting"),
    path("audit/", audit_views.audit_page, name="audit_log"),
]
