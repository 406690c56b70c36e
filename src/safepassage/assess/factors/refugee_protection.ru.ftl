# Слова фактора refugee_protection (refugee_protection.py).

refugee_protection = Защита беженцев
refugee_protection-treaty-and-practice = { $treaty ->
        [party] { $here } — участник Конвенции о статусе беженцев
        [party_limited] { $here } — участник Конвенции о статусе беженцев, но с оговоркой, сужающей круг защищаемых
       *[not_party] { $here } не участвует в Конвенции о статусе беженцев
    }; на практике доступ к убежищу для таких людей { $access ->
        [good] в целом открыт
        [limited] ограничен
        [poor] затруднён
       *[none] закрыт
    }.
refugee_protection-practice = На практике доступ к убежищу { $here-in } для таких людей { $access ->
        [good] в целом открыт
        [limited] ограничен
        [poor] затруднён
       *[none] закрыт
    }.
refugee_protection-treaty = { $treaty ->
        [party] { $here } — участник Конвенции о статусе беженцев
        [party_limited] { $here } — участник Конвенции о статусе беженцев, но с оговоркой, сужающей круг защищаемых
       *[not_party] { $here } не участвует в Конвенции о статусе беженцев
    }; как на деле там предоставляют убежище, не известно.
refugee_protection-missing = защита беженцев { $here-in }
