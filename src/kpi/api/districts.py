"""Districts the caller may see, with their size for a fiscal year."""

from __future__ import annotations

from django.db.models import Prefetch
from django.http import HttpRequest
from ninja import Router

from kpi import access
from kpi.api.responses import READ
from kpi.api.schemas import DistrictOut, FiscalYear, ObjectId
from kpi.org.models import DistrictSize

router = Router(tags=["districts"])


@router.get("", response={200: list[DistrictOut], **READ}, summary="อำเภอที่เห็นได้")
def list_districts(
    request: HttpRequest, fiscal_year: FiscalYear | None = None, province: ObjectId | None = None
) -> list[dict]:
    """Every district of the caller's province (provincial staff) or their own district
    (a district's people), by DOPA code, with the size the province set for *fiscal_year*.

    Without ``fiscal_year``, the year of the newest round the caller sees: that is the year
    sizes are being used for.
    """
    user = request.user
    districts = access.visible_districts_anywhere(user).order_by("dopa_code")
    if province is not None:
        districts = districts.filter(province_id=province)
    if fiscal_year is None:
        newest = access.visible_rounds(user).order_by("-fiscal_year").first()
        fiscal_year = newest.fiscal_year if newest else None
    if fiscal_year is not None:
        sizes = DistrictSize.objects.for_fiscal_year(fiscal_year)  # type: ignore[attr-defined]
        districts = districts.prefetch_related(Prefetch("sizes", sizes, to_attr="year_sizes"))
    return [
        {
            "id": district.pk,
            "province_id": district.province_id,
            "dopa_code": district.dopa_code,
            "name": district.name,
            "fiscal_year": fiscal_year,
            "size": district.year_sizes[0].size  # type: ignore[attr-defined]
            if getattr(district, "year_sizes", None)
            else None,
        }
        for district in districts
    ]
