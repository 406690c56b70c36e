# Words of the refugee_protection factor (refugee_protection.py). $treaty: party,
# party_limited, not_party; $access: good, limited, poor, none.

refugee_protection = Refugee protection
refugee_protection-convention = { $treaty ->
        [party] { $here } is party to the Refugee Convention.
        [party_limited] { $here } is party to the Refugee Convention, but with a limitation on whom it protects.
       *[not_party] { $here } is not party to the Refugee Convention.
    }
refugee_protection-access = In practice, access to asylum in { $here } for people like this one is { $access ->
        [good] generally open
        [limited] limited
        [poor] poor
       *[none] closed
    }.
refugee_protection-statistics = UNHCR's statistics for { $year } count { $decisions } { $decisions ->
        [one] decision
       *[other] decisions
    } on the merits on nationals of { $origin } here, { $percent }% of them giving protection ({ $recognised } refugee status, { $complementary } complementary protection, { $rejected } rejected).
refugee_protection-no-practice = How asylum works there in practice is not on record.
refugee_protection-missing = refugee protection in { $here }
