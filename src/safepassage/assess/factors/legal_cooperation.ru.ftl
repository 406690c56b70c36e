# Слова фактора legal_cooperation (legal_cooperation.py). $ties — договоры и объединения по
# названиям (report/messages/ru.ftl, instrument-*), $treaties — двусторонние договоры (ниже).

legal_cooperation = Правовое сотрудничество с государством преследователей
legal_cooperation-tied = { $here-acc } и { $there-acc } связывают { $kinds ->
        [both] { $ties }, а также { $treaties }
        [treaties] { $treaties }
       *[instruments] { $ties }
    }. По этим каналам власти { $there-gen } могут добиваться розыска, задержания и выдачи человека.
legal_cooperation-no-ties = Связей в области правовой помощи или безопасности между { $here-ins } и { $there-ins } не известно.
legal_cooperation-none-recorded = Ни конвенций о правовой помощи, выдаче или безопасности, ни двустороннего договора о выдаче между { $here-ins } и { $there-ins } не известно.
legal_cooperation-aside = Не учитываются договорённости о выдаче с { $there-ins } ({ $kinds ->
        [both] { $ties } и двусторонний договор о выдаче
        [treaties] двусторонний договор о выдаче
       *[instruments] { $ties }
    }): суды { $here-gen } подотчётны международному суду по правам человека и проверяют каждый запрос о выдаче, а сама семья такой запрос подать не может.
legal_cooperation-treaty-extradition-in_force = действующий двусторонний договор о выдаче
legal_cooperation-treaty-extradition-signed = двусторонний договор о выдаче (подписан, но не вступил в силу)
legal_cooperation-treaty-legal_assistance-in_force = действующий двусторонний договор о правовой помощи
legal_cooperation-treaty-legal_assistance-signed = двусторонний договор о правовой помощи (подписан, но не вступил в силу)
legal_cooperation-missing = участие { $of-gen } в международных договорах
