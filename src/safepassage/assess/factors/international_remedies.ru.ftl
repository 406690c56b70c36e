# Слова фактора international_remedies (international_remedies.py). Органы — в винительном
# падеже («подать в ...»).

international_remedies = Международные жалобы и временные меры
international_remedies-available = Жалобу на { $here-acc } можно подать в { $bodies }.
international_remedies-none = { $here } не признаёт ни одного из известных механизмов индивидуальных жалоб.
international_remedies-unknown = Какие механизмы жалоб признаёт { $here }, не известно.
international_remedies-record = { $record ->
        [ignored] Власти { $here-gen } уже игнорировали требования о временных мерах.
        [mixed] Власти { $here-gen } не всегда выполняли требования о временных мерах.
       *[honoured] Власти { $here-gen } выполняли требования о временных мерах.
    }
international_remedies-body-echr = Европейский суд по правам человека
international_remedies-body-cat-art22 = Комитет ООН против пыток
international_remedies-body-iccpr-op1 = Комитет ООН по правам человека
international_remedies-body-op-cedaw = Комитет ООН по ликвидации дискриминации в отношении женщин
international_remedies-missing = какие механизмы жалоб признаёт { $here }
