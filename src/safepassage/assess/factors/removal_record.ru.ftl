# Слова фактора removal_record (removal_record.py). $removals и $practices — факты, своими словами.

removal_record = Практика выдачи и депортации
removal_record-removals = { $removals } { $count ->
        [1] Это единственный известный случай выдачи или высылки { $here-from }.
       *[other] Это самые показательные из { $count } { $count ->
            [one] известного случая
           *[other] известных случаев
        } выдачи или высылки { $here-from }.
    }
removal_record-practices = { $practices }
removal_record-refusals = Власти { $here-gen } отказывали в выдаче: { $count ->
        [one] { $count } задокументированный случай.
        [few] { $count } задокументированных случая.
       *[many] { $count } задокументированных случаев.
    }
removal_record-missing = сведения о выдаче и депортации таких людей { $here-from }
