from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "kpi.accounts"
    label = "accounts"
    verbose_name = _("ผู้ใช้งาน")
