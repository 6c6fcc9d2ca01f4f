from tests.base import (  # noqa: F401
    anonymous,
    as_head_3401,
    as_other_province,
    as_province,
    ubon,
    world,
)
