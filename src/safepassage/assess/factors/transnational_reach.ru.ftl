# Слова фактора transnational_reach (transnational_reach.py). $acts — случаи своими словами.

transnational_reach = Действия государства преследователей против эмигрантов за рубежом
transnational_reach-standing = { $act ->
        [killing] Убийство
        [attempted_killing] Покушение на убийство
       *[abduction] Похищение
    } по приказу государства за последние { $years } { $years ->
        [one] год
        [few] года
       *[many] лет
    } показывает, что оно может добраться до человека в любой стране.
transnational_reach-acts = Самые показательные случаи: { $acts }
transnational_reach-count = Задокументировано { $count } { $count ->
        [one] действие
        [few] действия
       *[many] действий
    } { $states-gen } против таких людей за рубежом; { $here_count ->
        [0] { $here-in } — пока ни одного.
       *[other] из них { $here-in } — { $here_count }.
    }
transnational_reach-floor = Человек известен или уже подвергался преследованию, поэтому оценка не ниже уровня «{ $rating }».
transnational_reach-missing = задокументированные действия агентов { $states-gen } против таких людей за рубежом
