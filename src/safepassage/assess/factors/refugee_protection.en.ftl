# Words of the refugee_protection factor (refugee_protection.py). $treaty: party,
# party_limited, not_party; $access: good, limited, poor, none.

refugee_protection = Refugee protection
refugee_protection-treaty-and-practice = { $treaty ->
        [party] { $here } is party to the Refugee Convention
        [party_limited] { $here } is party to the Refugee Convention, but with a limitation on whom it protects
       *[not_party] { $here } is not party to the Refugee Convention
    }; in practice, access to asylum for people like this one is { $access ->
        [good] generally open
        [limited] limited
        [poor] poor
       *[none] closed
    }.
refugee_protection-practice = In practice, access to asylum in { $here } for people like this one is { $access ->
        [good] generally open
        [limited] limited
        [poor] poor
       *[none] closed
    }.
refugee_protection-treaty = { $treaty ->
        [party] { $here } is party to the Refugee Convention
        [party_limited] { $here } is party to the Refugee Convention, but with a limitation on whom it protects
       *[not_party] { $here } is not party to the Refugee Convention
    }; how asylum works there in practice is not on record.
refugee_protection-missing = refugee protection in { $here }
