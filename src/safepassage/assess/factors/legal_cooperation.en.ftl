# Words of the legal_cooperation factor (legal_cooperation.py). $ties are treaties and blocs
# by name (report/messages/en.ftl, instrument-*), $treaties bilateral treaties (below);
# $kinds says which of the two a sentence names.

legal_cooperation = Legal cooperation with the pursuers' state
legal_cooperation-tied = { $here } is tied to { $there } by { $kinds ->
        [both] { $ties }, and by { $treaties }
        [treaties] { $treaties }
       *[instruments] { $ties }
    }: channels through which { $there } can ask for a person to be searched for, detained and returned.
legal_cooperation-no-ties = { $here } and { $there } share no legal-assistance or security ties on record.
legal_cooperation-none-recorded = No legal-assistance, extradition or security convention ties { $here } to { $there } on record, and no bilateral extradition treaty is recorded.
legal_cooperation-aside = Not counted: { $kinds ->
        [both] { $ties } and a bilateral extradition treaty
        [treaties] a bilateral extradition treaty
       *[instruments] { $ties }
    } with { $there }. The courts of { $here } answer to a human-rights court and test any extradition request, and a family cannot make one itself.
legal_cooperation-treaty-extradition-in_force = a bilateral extradition treaty in force
legal_cooperation-treaty-extradition-signed = a bilateral extradition treaty (signed, not in force)
legal_cooperation-treaty-legal_assistance-in_force = a bilateral legal-assistance treaty in force
legal_cooperation-treaty-legal_assistance-signed = a bilateral legal-assistance treaty (signed, not in force)
legal_cooperation-missing = the treaty memberships of { $of }
