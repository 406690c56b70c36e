"""Importers: turn a raw public dataset release into compact derived files in the package.

One module per dataset, each exposing `IMPORTER`, an object with the interface of
`importer.Importer`. The built-ins are listed in `registry.DEFAULT_IMPORTERS` (as datasette
lists DEFAULT_PLUGINS); a third party registers its module under the `safepassage.importers`
entry-point group. `safepassage kb import NAME RAW_PATH` runs one, so a newer release of a
dataset is one command. Importers run when a maintainer refreshes a dataset, never when the
engine runs: the engine reads only the derived files (see `safepassage.kb.layers`).
"""
