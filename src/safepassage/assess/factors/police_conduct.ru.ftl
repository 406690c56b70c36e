# Слова фактора police_conduct (police_conduct.py). $incidents и $practices — факты своими
# словами; решающий случай идёт первым.

police_conduct = Поведение полиции и государства
police_conduct-incidents = { $incidents } { $count ->
        [1] Это единственный задокументированный случай { $here-in } с людьми { $states-from }.
       *[other] Это самые показательные из { $count } { $count ->
            [one] задокументированного случая
           *[other] задокументированных случаев
        } { $here-in } с людьми { $states-from }.
    }
police_conduct-practices = { $practices }
police_conduct-missing = как полиция { $here-gen } обращалась с такими людьми { $states-from }
