# Words of the community_presence factor (community_presence.py). Communities are named in
# report/messages/en.ftl (community-*).

community_presence = Diaspora of the person's community
community_presence-size = { CAP($year-in) } { $community } in { $here } numbered { $people }: a wide network through which relatives can ask after the person.
community_presence-missing = the size of { $communities } in { $here }
community_presence-born-there = No count of { $communities } in { $here } is on record; { $people } born in { $origin } lived there { $year-in } (World Bank: everyone born there, of any community, not the community itself).
