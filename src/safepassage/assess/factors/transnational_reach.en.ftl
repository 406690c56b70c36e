# Words of the transnational_reach factor (transnational_reach.py). $acts are incidents, said
# in their own words.

transnational_reach = The pursuing state's acts against exiles abroad
transnational_reach-standing = { $act ->
        [killing] A killing
        [attempted_killing] An attempted killing
       *[abduction] An abduction
    } ordered by the state within the last { $years } years shows that it can reach the person in any country.
transnational_reach-acts = The most relevant: { $acts }
transnational_reach-count = { $states } is documented acting against exiles like this person abroad { $count ->
        [1] once
       *[other] { $count } times
    }; { $here_count ->
        [0] none of them yet in { $here }.
        [1] once in { $here }.
       *[other] { $here_count } of them in { $here }.
    }
transnational_reach-floor = The person is prominent or has already been targeted, so the rating is at least { $rating }.
transnational_reach-missing = documented acts abroad by agents of { $states } against people like this one
