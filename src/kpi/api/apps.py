from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    name = "kpi.api"
    label = "api"
    verbose_name = _("การเชื่อมต่อระบบ (API)")
