"""The refusals each kind of operation documents (the handler in ``errors.py`` writes them)."""

from kpi.api.schemas import Error

#: A read: not signed in, not found (or not yours), a malformed parameter.
READ = {401: Error, 404: Error, 422: Error}
#: A computation or write: also a refusal of the domain (400, 409) or of access (403).
WRITE = {400: Error, 401: Error, 403: Error, 404: Error, 409: Error, 422: Error}
