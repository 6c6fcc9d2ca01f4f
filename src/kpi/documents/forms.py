"""The import page's form: which province, which file, whether to create what is missing."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.conf import settings
from django.db.models import QuerySet
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from kpi.org.models import Province

ACCEPT = ".txt,.html,.htm,.docx,text/plain,text/html"


class ImportForm(forms.Form):
    province = forms.ModelChoiceField(
        queryset=Province.objects.none(),
        label=_("จังหวัด"),
        empty_label=None,
        error_messages={
            "required": _("เลือกจังหวัด"),
            "invalid_choice": _("เลือกจังหวัดจากรายการ"),
        },
    )
    # Empty files pass the form: the parser says "the file is empty" in both languages,
    # beside the file like any other unreadable file.
    file = forms.FileField(
        label=_("ไฟล์หนังสือเวียน"),
        required=False,
        allow_empty_file=True,
        widget=forms.ClearableFileInput(attrs={"accept": ACCEPT}),
    )
    create_missing = forms.BooleanField(
        label=_("สร้างรอบการประเมินและตัวชี้วัดที่ยังไม่มีจากหนังสือนี้"),
        required=False,
        help_text=_(
            "สำหรับหนังสือแจ้งการปรับแก้ไขของรอบที่ยังไม่ได้นำเข้า: ฉบับเดิมจะเป็นฉบับแรก และฉบับแก้ไขจะใช้บังคับ"
        ),
    )
    #: the SHA-256 of a file this session already uploaded (see ``staging``)
    staged = forms.CharField(required=False, widget=forms.HiddenInput, max_length=64)

    def __init__(self, *args: Any, provinces: QuerySet[Province], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["province"]).queryset = provinces
        self.fields["file"].help_text = _(
            "ไฟล์ข้อความ (.txt) HTML หรือ Word (.docx) ขนาดไม่เกิน %(size)s"
        ) % {"size": filesizeformat(settings.UPLOAD_MAX_BYTES)}

    def clean_file(self) -> Any:
        upload = self.cleaned_data.get("file")
        if upload and upload.size > settings.UPLOAD_MAX_BYTES:
            raise forms.ValidationError(
                _("ไฟล์มีขนาด %(size)s เกินขนาดที่รับได้ (%(limit)s)"),
                code="too_large",
                params={
                    "size": filesizeformat(upload.size),
                    "limit": filesizeformat(settings.UPLOAD_MAX_BYTES),
                },
            )
        return upload


class ConfirmForm(forms.Form):
    """Confirms a previewed import: only the hash; everything else is in the session."""

    staged = forms.CharField(widget=forms.HiddenInput, max_length=64)
