# Слова фактора land_border (land_border.py). Синтаксис Project Fluent; падежи названий стран —
# в report/messages/ru.ftl.

land_border = Сухопутная граница с государством преследователей
land_border-shares = { $here } и { $there } граничат по суше, протяжённость границы — { $length }: преследователи могут приехать по дороге, и человек остаётся в пределах их досягаемости.
land_border-shares-unmeasured = { $here } и { $there } граничат по суше (протяжённость границы не известна): преследователи могут приехать по дороге, и человек остаётся в пределах их досягаемости.
land_border-none = У { $here-gen } нет сухопутной границы с { $there-ins }.
land_border-missing = границы { $here-gen }
