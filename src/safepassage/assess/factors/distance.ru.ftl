# Слова фактора distance (distance.py).

distance = Расстояние до государства преследователей
distance-capitals = Между столицами { $here-gen } и { $there-gen } { $distance } по прямой.
distance-missing = координаты столиц
