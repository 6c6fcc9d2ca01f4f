from django.urls import path

from kpi.notices import views

urlpatterns = [
    path("rounds/<int:pk>/", views.round_notices, name="notices"),
    path("rounds/<int:pk>/first/", views.first_circular, name="notice_first"),
    path("indicators/<int:pk>/revise/", views.revise, name="notice_revise"),
    path("<int:pk>/", views.notice_page, name="notice"),
    path("<int:pk>/issue/", views.issue, name="notice_issue"),
    path("<int:pk>/discard/", views.discard, name="notice_discard"),
    path("<int:pk>/letter/", views.letter, name="notice_letter"),
    path(
        "<int:pk>/indicators/<int:indicator_pk>/withdraw/",
        views.withdraw,
        name="notice_withdraw",
    ),
    path("<int:pk>/<str:fmt>/", views.download, name="notice_file"),
]
