# Words of the free_entry factor (free_entry.py).

free_entry = Pursuers can enter freely
free_entry-internal_id = Citizens of { $there } can enter { $here } with only an internal ID, so relatives and agents can follow without a passport or visa.
free_entry-visa_free = Citizens of { $there } can enter { $here } with a passport and no visa in advance{ $how ->
        [visa_on_arrival] {" "}(a visa on arrival)
        [eta] {" "}(an electronic travel authorisation)
       *[none] {""}
    }{ $days ->
        [0] {""}
       *[other] {" "}for up to { $days } days
    }.
free_entry-e_visa = Citizens of { $there } need an e-visa or an electronic travel authorisation to enter { $here }.
free_entry-barred = Citizens of { $there } are not admitted to { $here } for now.
free_entry-visa = Citizens of { $there } need a visa to enter { $here }.
free_entry-no_internal_id = Citizens of { $there } cannot enter { $here } on an internal ID alone.
free_entry-missing = the entry rules for citizens of { $there }
