# Words of the distance factor (distance.py).

distance = Distance from the pursuers' state
distance-capitals = The capitals of { $here } and { $there } are { $distance } apart as the crow flies.
distance-missing = where the capitals are
