# Words of the free_entry factor (free_entry.py).

free_entry = Pursuers can enter freely
free_entry-internal_id = Citizens of { $there } can enter { $here } with only an internal ID, so relatives and agents can follow without a passport or visa.
free_entry-visa_free = Citizens of { $there } can enter { $here } with a passport and no visa.
free_entry-visa = Citizens of { $there } need a visa to enter { $here }.
free_entry-no_internal_id = Citizens of { $there } cannot enter { $here } on an internal ID alone.
free_entry-missing = the entry rules for citizens of { $there }
