# Слова фактора community_presence (community_presence.py). Названия общин — в
# report/messages/ru.ftl (community-*).

community_presence = Диаспора общины человека
community_presence-size = { CAP($year-in) } { $community } { $here-in } насчитывала { $people }: это широкая сеть, через которую родственники могут расспрашивать о человеке.
community_presence-missing = численность { $communities-gen } { $here-in }
community_presence-born-there = Численность { $communities-gen } { $here-in } не известна; { $year-in } там жили { $people }, родившихся { $origin-in } (данные Всемирного банка: все уроженцы страны, а не только эта община).
