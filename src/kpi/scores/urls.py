from django.urls import path

from kpi.scores import views

urlpatterns = [
    path("", views.calculator, name="calculator"),
]
