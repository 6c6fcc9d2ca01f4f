from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from kpi.org.models import District, DistrictSize, Person, Province, Unit


class DistrictInline(admin.TabularInline):
    model = District
    extra = 0
    fields = ("dopa_code", "name")


class UnitInline(admin.TabularInline):
    model = Unit
    extra = 0
    fields = ("name", "abbreviations")


@admin.register(Province)
class ProvinceAdmin(SimpleHistoryAdmin):
    list_display = ("name", "letter_prefix", "office_code", "is_demo")
    list_filter = ("is_demo",)
    search_fields = ("name", "letter_prefix")
    inlines = (DistrictInline, UnitInline)


class DistrictSizeInline(admin.TabularInline):
    model = DistrictSize
    extra = 0


@admin.register(District)
class DistrictAdmin(SimpleHistoryAdmin):
    list_display = ("dopa_code", "name", "province")
    list_filter = ("province",)
    search_fields = ("dopa_code", "name")
    inlines = (DistrictSizeInline,)


@admin.register(DistrictSize)
class DistrictSizeAdmin(SimpleHistoryAdmin):
    list_display = ("district", "fiscal_year", "size")
    list_filter = ("fiscal_year", "size", "district__province")
    list_select_related = ("district",)
    search_fields = ("district__name", "district__dopa_code")


@admin.register(Unit)
class UnitAdmin(SimpleHistoryAdmin):
    list_display = ("name", "short_name", "province")
    list_filter = ("province",)
    search_fields = ("name", "abbreviations")

    @admin.display(description="ชื่อย่อ")
    def short_name(self, unit: Unit) -> str:
        return unit.short_name


@admin.register(Person)
class PersonAdmin(SimpleHistoryAdmin):
    list_display = ("full_name", "position", "district", "unit", "province", "user")
    list_filter = ("province", "unit")
    list_select_related = ("district", "unit", "province", "user")
    search_fields = ("first_name", "last_name", "position", "district__name")
    autocomplete_fields = ("district", "unit", "user")

    @admin.display(description="ชื่อ-นามสกุล", ordering="first_name")
    def full_name(self, person: Person) -> str:
        return person.full_name
