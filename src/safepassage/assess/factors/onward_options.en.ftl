# Words of the onward_options factor (onward_options.py). $passport: valid, expired,
# cancelled, held_by_family, or none (no passport).

onward_options = Onward travel with the documents held
onward_options-refugee_document = The person holds a refugee travel document, so onward travel to a safer country is possible.
onward_options-passport = The person holds a passport, so onward travel to a safer country is possible.
onward_options-passport-cancellable = The person holds a passport, but the state that issued it restricts or cancels the passports of people like this one: it may be invalidated or not renewed before the person is safe.
onward_options-no-documents = { $passport ->
        [none] The person holds no identity or travel document: no lawful onward travel.
        [expired] The person's passport has expired and they hold no other identity or travel document: no lawful onward travel.
        [cancelled] The person's passport has been cancelled and they hold no other identity or travel document: no lawful onward travel.
        [held_by_family] The person's passport is held by the family and they hold no other identity or travel document: no lawful onward travel.
       *[valid] The person's passport is valid but not with them, and they hold no other identity or travel document: no lawful onward travel.
    }
onward_options-no-passport = { $passport ->
        [expired] The person's passport has expired
        [cancelled] The person's passport has been cancelled
        [held_by_family] The person's passport is held by the family
        [valid] The person's passport is valid but not with them
       *[none] The person has no international passport
    }{ $restricted ->
        [yes] {" "}(the state that issues it restricts passports for people like this one)
       *[no] {""}
    }
onward_options-internal-nowhere = { $no_passport }; no other country is recorded as admitting them on an internal ID, so they cannot travel on lawfully.
onward_options-internal-tied = { $no_passport }; only { $destinations } { $count ->
        [1] admits
       *[other] admit
    } them on an internal ID, and all are bound to the pursuing state by legal-assistance or security conventions.
onward_options-internal-some = { $no_passport }; only { $destinations } { $count ->
        [1] admits
       *[other] admit
    } them on an internal ID.
onward_options-passport-reach = The person holds a passport, which enters { $reached } other { $reached ->
        [one] state
       *[other] states
    } without a visa in advance (Passport Index, as of { $snapshot }; among them { $examples }), so onward travel is possible.
onward_options-passport-nowhere = The person holds a passport, but it enters no other state without a visa in advance (Passport Index): onward travel needs a visa first.
onward_options-missing = which documents the person holds
