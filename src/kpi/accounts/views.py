"""Logging in and out (Django's own views); the login page lists the demo accounts."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import views as auth_views

from kpi.accounts.demo import listed_accounts


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        # The demo accounts and their shared password while demo data is loaded, else None.
        context["demo"] = listed_accounts()
        return context
