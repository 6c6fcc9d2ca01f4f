"""The REST API: django-ninja routers over ``kpi.access`` and the apps' actions.

``api.py`` holds the ``NinjaAPI`` (docs at ``/api/docs``, schema at ``/api/openapi.json``),
one router per noun beside it, ``auth.py`` the token and session authentication, ``errors.py``
the one exception handler that answers ``{code, message, where}``.
"""
