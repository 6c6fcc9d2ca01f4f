"""Pages of a long list: ``?limit=&offset=``, answered as ``{items, count}``."""

from typing import Any

from ninja import Field, Schema
from ninja.pagination import LimitOffsetPagination

MAX_LIMIT = 500


class Page(LimitOffsetPagination):
    class Input(Schema):
        limit: int = Field(100, ge=1, le=MAX_LIMIT)
        # Bounded so that offset + limit stays a 64-bit integer in SQL.
        offset: int = Field(0, ge=0, le=2**62)

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(max_limit=MAX_LIMIT, **kwargs)
