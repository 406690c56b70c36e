# Слова фактора rule_of_law (rule_of_law.py). Оценки — Freedom House, от 0 до 4.

rule_of_law = Верховенство права: суды, надлежащая правовая процедура, применение силы
rule_of_law-scores = Freedom House (Freedom in the World { $edition-year }, данные за { $year-year } год) оценивает { $here-acc } так: независимость судов — { $judiciary } из 4, надлежащая правовая процедура — { $due_process } из 4, защита от незаконного применения силы — { $use_of_force } из 4.
rule_of_law-missing = насколько независимы суды и полиция { $here-gen }
