"""Dataset layers: facts read lazily from the derived dataset files in `kb/data/datasets/`.

A layer turns the rows of one or more derived datasets into facts of one kind, each citing its
dataset release (a source defined once in the dataset's metadata) and the row it came from. A
layer keyed by `country` answers for one country at a time (treaty status, rule-of-law scores,
air connections); one keyed by `about` answers for one origin or passport at a time, so that
assessing the world for one person reads only that person's rows (asylum decisions, entry rules,
migrant stock). Each layer applies its dataset's as-of rule (docs/kb-format.md, "Datasets"):
nothing is visible before it was public.
"""
