# Слова фактора wanted_exposure (wanted_exposure.py). $what — перечень из профиля
# (wanted_exposure-listed-*).

wanted_exposure = Розыск и экстрадиция
wanted_exposure-listed-search_request = запрос о розыске
wanted_exposure-listed-criminal_case = уголовное дело
wanted_exposure-listed-interpol = уведомление Интерпола
wanted_exposure-not-listed = Человек, насколько известно, не числится в розыске.
wanted_exposure-subject = Против человека со стороны { $there-gen }: { $what }.
wanted_exposure-channels = У { $here-gen } и { $there-gen } { $channels ->
        [one] { $channels } общее соглашение о правовой помощи или безопасности, по которому передаются такие запросы.
        [few] { $channels } общих соглашения о правовой помощи или безопасности, по которым передаются такие запросы.
       *[many] { $channels } общих соглашений о правовой помощи или безопасности, по которым передаются такие запросы.
    }
wanted_exposure-practice = { CAP($here-in) } уже задерживали или выдавали людей по запросам { $there-gen }.
wanted_exposure-interpol = Уведомление Интерпола может привести к аресту { $here-in }.
wanted_exposure-no-convention = Против человека со стороны { $there-gen }: { $what }; но конвенции о правовой помощи между { $here-ins } и { $there-ins } не известно.
wanted_exposure-relief = Однако { $here-in } { $kinds ->
        [both] суды или власти отказывали в выдаче по запросам { $there-gen } и предоставляли убежище гражданам { $there-gen }.
        [refused] суды или власти отказывали в выдаче по запросам { $there-gen }.
       *[granted] предоставляли убежище гражданам { $there-gen }.
    }
wanted_exposure-missing-wanted = находится ли человек в розыске и есть ли против него уголовное дело
wanted_exposure-missing-treaties = участие { $here-gen } в международных договорах
