"""Which round statuses allow which notice (shared by ``actions`` and ``kpi.access``)."""

#: A revision notice: while indicators are still in use (DOMAIN.md: during a round).
#: Once the round's scores are approved, it must be re-opened (with a reason) first.
REVISABLE = frozenset({"draft", "open", "closed"})
#: The first circular announces the indicators: before or as the round opens.
FIRST_CIRCULAR = frozenset({"draft", "open"})
