# Слова фактора free_entry (free_entry.py).

free_entry = Преследователи могут свободно въехать
free_entry-internal_id = Граждане { $there-gen } могут въехать { $here-to } по одному внутреннему паспорту, поэтому родственники и агенты могут последовать за человеком без загранпаспорта и визы.
free_entry-visa_free = Граждане { $there-gen } въезжают { $here-to } по загранпаспорту без визы, оформляемой заранее{ $how ->
        [visa_on_arrival] {" "}(виза по прибытии)
        [eta] {" "}(электронное разрешение на въезд)
       *[none] {""}
    }{ $days ->
        [0] {""}
       *[other] , на срок до { $days } { $days ->
            [one] дня
           *[other] дней
        }
    }.
free_entry-e_visa = Гражданам { $there-gen } для въезда { $here-to } нужна электронная виза или электронное разрешение на въезд.
free_entry-barred = Граждан { $there-gen } сейчас не впускают { $here-to }.
free_entry-visa = Гражданам { $there-gen } для въезда { $here-to } нужна виза.
free_entry-no_internal_id = Граждан { $there-gen } не впускают { $here-to } по одному внутреннему паспорту.
free_entry-missing = правила въезда для граждан { $there-gen }
