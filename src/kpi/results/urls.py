from django.urls import path

from kpi.results import evidence_views, notification_views, views

app_name = "results"

urlpatterns = [
    path("", views.result_list, name="list"),
    path("waiting/", views.waiting, name="waiting"),
    path("<int:pk>/", views.result_page, name="detail"),
    path("<int:pk>/history/", views.history, name="history"),
    path("<int:pk>/level/", views.level, name="level"),
    path("<int:pk>/save/", views.save, name="save"),
    path("<int:pk>/submit/", views.submit, name="submit"),
    path("<int:pk>/return/", views.return_, name="return"),
    path("<int:pk>/verify/", views.verify, name="verify"),
    path("<int:pk>/approve/", views.approve, name="approve"),
    path("<int:pk>/reopen/", views.reopen, name="reopen"),
    path("<int:pk>/evidence/", evidence_views.upload, name="upload"),
    path("<int:pk>/links/", evidence_views.add_link, name="add_link"),
    path("evidence/<int:pk>/", evidence_views.download, name="evidence"),
    path("evidence/<int:pk>/remove/", evidence_views.remove, name="remove_evidence"),
    path("notifications/", notification_views.notifications, name="notifications"),
    path("notifications/read/", notification_views.mark_read, name="mark_read"),
]
