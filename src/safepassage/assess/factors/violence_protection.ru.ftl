# Слова фактора violence_protection (violence_protection.py).

violence_protection = Защита от насилия
violence_protection-measures = Защита от домашнего насилия { $here-in }: { $measures }. Приют — временная мера, а не защита от преследователей.
violence_protection-shelters-yes = приюты есть
violence_protection-shelters-limited = приютов мало
violence_protection-shelters-no = приютов нет
violence_protection-orders-yes = суды выдают защитные предписания
violence_protection-orders-limited = защитное предписание получить трудно
violence_protection-orders-no = защитных предписаний нет
violence_protection-foreigners-yes = иностранцы могут ими пользоваться
violence_protection-foreigners-limited = иностранцы могут пользоваться ими лишь отчасти
violence_protection-foreigners-no = иностранцам они недоступны
violence_protection-missing = приюты и защитные предписания { $here-in }
