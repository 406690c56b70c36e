# Words of the removal_record factor (removal_record.py). $removals and $practices are facts,
# said in their own words (report/messages: facts in a sentence).

removal_record = Record of extraditions and deportations
removal_record-removals = { $removals } { $count ->
        [1] This is the only documented removal from { $here } on record.
       *[other] These are the most relevant of { $count } documented removals from { $here }.
    }
removal_record-practices = { $practices }
removal_record-refusals = The authorities of { $here } have refused to extradite: { $count ->
        [one] { $count } documented case.
       *[other] { $count } documented cases.
    }
removal_record-missing = the record of extraditions and deportations of people like this one from { $here }
