"""One module per kind of dossier. Each exposes `build(ctx) -> Document`; a kind whose
conditions are not met (a procedure the State had not accepted) raises DossierError first."""
