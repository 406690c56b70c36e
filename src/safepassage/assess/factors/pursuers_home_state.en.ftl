# Words of the pursuers_home_state factor (pursuers_home_state.py).

pursuers_home_state = This is the pursuers' own state
pursuers_home_state-state = { $here } is the state that pursues this person: its police, security services and courts act for the pursuers everywhere on its territory.
pursuers_home_state-family = The pursuers can use the police of { $here } (missing-person and criminal reports) to have the person found and detained anywhere in the country.
