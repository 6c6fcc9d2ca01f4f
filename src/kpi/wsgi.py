"""The WSGI entry point production serves (``gunicorn kpi.wsgi``); ``runserver`` loads it too.

It refuses to start with the public development key (``kpi.serving.check_secret_key``).
"""

import os

from django.conf import settings
from django.core.wsgi import get_wsgi_application

from kpi.serving import check_secret_key

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kpi.settings")
check_secret_key(settings)
application = get_wsgi_application()
