"""The ASGI entry point (``uvicorn kpi.asgi:application``), checked as ``kpi.wsgi`` is: it
refuses to start with the public development key (``kpi.serving.check_secret_key``)."""

import os

from django.conf import settings
from django.core.asgi import get_asgi_application

from kpi.serving import check_secret_key

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kpi.settings")
check_secret_key(settings)
application = get_asgi_application()
