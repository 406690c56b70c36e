# Words of the land_border factor (land_border.py). Syntax: Project Fluent; the values each
# message gets are named in land_border.py. land_border.ru.ftl has the same ids.

land_border = Land border with the pursuers' state
land_border-shares = { $here } and { $there } share a land border { $length } long: the pursuers can follow by road, and the person stays within their reach.
land_border-shares-unmeasured = { $here } and { $there } share a land border (its length is not on record): the pursuers can follow by road, and the person stays within their reach.
land_border-none = { $here } has no land border with { $there }.
land_border-missing = the borders of { $here }
