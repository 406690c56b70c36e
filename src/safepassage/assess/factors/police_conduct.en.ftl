# Words of the police_conduct factor (police_conduct.py). $incidents and $practices are facts,
# said in their own words; the decisive incident comes first.

police_conduct = Police and state conduct
police_conduct-incidents = { $incidents } { $count ->
        [1] This is the only documented incident in { $here } involving people from { $states }.
       *[other] These are the most relevant of { $count } documented incidents in { $here } involving people from { $states }.
    }
police_conduct-practices = { $practices }
police_conduct-missing = how the police in { $here } have treated people like this one from { $states }
