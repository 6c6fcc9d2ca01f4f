from tests.base import (  # noqa: F401
    anonymous,
    as_evaluator,
    as_head_3401,
    as_head_3402,
    as_info,
    as_other_province,
    as_province,
    ubon,
    world,
)
