# Words of the wanted_exposure factor (wanted_exposure.py). $what lists the profile's wanted
# flags (wanted_exposure-listed-*).

wanted_exposure = Wanted lists and extradition
wanted_exposure-listed-search_request = a search request
wanted_exposure-listed-criminal_case = a criminal case
wanted_exposure-listed-interpol = an Interpol notice
wanted_exposure-not-listed = The person is not known to be on any wanted list.
wanted_exposure-subject = The person is subject to { $what } from { $there }.
wanted_exposure-channels = { $here } and { $there } share { $channels ->
        [one] { $channels } legal-assistance or security agreement through which such requests circulate.
       *[other] { $channels } legal-assistance or security agreements through which such requests circulate.
    }
wanted_exposure-practice = { $here } has detained or extradited people at { $there }'s request before.
wanted_exposure-interpol = An Interpol notice can lead to arrest in { $here }.
wanted_exposure-no-convention = The person is subject to { $what } from { $there }, but no legal-assistance convention between { $here } and { $there } is on record.
wanted_exposure-relief = But in { $here } { $kinds ->
        [both] the courts or the government have refused { $there }'s extradition requests, and asylum has been granted to its nationals.
        [refused] the courts or the government have refused { $there }'s extradition requests.
       *[granted] asylum has been granted to nationals of { $there }.
    }
wanted_exposure-missing-wanted = whether the person is on a wanted list or has a criminal case
wanted_exposure-missing-treaties = the treaty memberships of { $here }
