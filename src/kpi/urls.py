from django.contrib import admin
from django.urls import include, path

from kpi.api.api import api

admin.site.site_header = "ระบบตัวชี้วัด สำนักงานพัฒนาชุมชนจังหวัด"
admin.site.site_title = "ระบบตัวชี้วัด"
admin.site.index_title = "การจัดการข้อมูล"

urlpatterns = [
    path("", include("kpi.rounds.urls")),
    path("accounts/", include("kpi.accounts.urls")),
    path("documents/", include("kpi.documents.urls")),
    path("calculator/", include("kpi.scores.urls")),
    path("notices/", include("kpi.notices.urls")),
    path("reports/", include("kpi.documents.report_urls")),
    path("agreements/", include("kpi.agreements.urls")),
    path("results/", include("kpi.results.urls")),
    path("api/", api.urls),
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
]
