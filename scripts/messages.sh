#!/usr/bin/env bash
# Refresh both catalogues from the sources and compile them (`make messages`).
#
# UI strings are Thai msgids translated in locale/en; the pure packages' error templates are
# English msgids translated in locale/th. Django falls back to the default language's (Thai)
# catalogue for an English msgid left empty in locale/en, so those are filled with themselves.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
$PY manage.py makemessages -l th -l en --no-obsolete --ignore=.venv --ignore=tests \
    --ignore=bench --ignore=docs --ignore=scripts >/dev/null
en=src/kpi/locale/en/LC_MESSAGES/django.po
# Entries whose msgid has no Thai letter: an English template; English needs no translation.
msggrep --invert-match -K -e '[ก-๛]' "$en" | msgen - | msgattrib --no-obsolete -o /tmp/kpi-en-self.po
msgcat --use-first "$en" /tmp/kpi-en-self.po -o /tmp/kpi-en-merged.po
msgmerge --quiet --no-fuzzy-matching /tmp/kpi-en-merged.po "$en" -o "$en"
for lang in th en; do
    msgfmt --check-format -o "src/kpi/locale/$lang/LC_MESSAGES/django.mo" \
        "src/kpi/locale/$lang/LC_MESSAGES/django.po"
done
