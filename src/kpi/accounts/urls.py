from django.contrib.auth import views as auth_views
from django.urls import path

from kpi.accounts.views import LoginView

urlpatterns = [
    path("login/", LoginView.as_view(), name="login"),
    # Django's LogoutView accepts POST only: a link or a prefetch cannot log anyone out.
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
]
