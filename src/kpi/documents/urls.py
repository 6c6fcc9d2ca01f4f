from django.urls import path

from kpi.documents import views

urlpatterns = [
    path("import/", views.upload, name="import"),
    path("<int:pk>/file", views.download, name="document_file"),
]
