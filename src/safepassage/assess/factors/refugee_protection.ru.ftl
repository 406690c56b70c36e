# Слова фактора refugee_protection (refugee_protection.py).

refugee_protection = Защита беженцев
refugee_protection-convention = { $treaty ->
        [party] { $here } — участник Конвенции о статусе беженцев.
        [party_limited] { $here } — участник Конвенции о статусе беженцев, но с оговоркой, сужающей круг защищаемых.
       *[not_party] { $here } не участвует в Конвенции о статусе беженцев.
    }
refugee_protection-access = На практике доступ к убежищу { $here-in } для таких людей { $access ->
        [good] в целом открыт
        [limited] ограничен
        [poor] затруднён
       *[none] закрыт
    }.
refugee_protection-statistics = По статистике УВКБ ООН за { $year }, по существу { $decisions ->
        [one] принято { $decisions } решение
        [few] принято { $decisions } решения
       *[many] принято { $decisions } решений
    } по гражданам { $origin-gen }; в { $percent } % случаев предоставлена защита (статус беженца — { $recognised }, дополнительная защита — { $complementary }, отказ — { $rejected }).
refugee_protection-no-practice = Как на деле там предоставляют убежище, не известно.
refugee_protection-missing = защита беженцев { $here-in }
