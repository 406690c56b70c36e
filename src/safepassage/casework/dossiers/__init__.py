"""Dossier downloads from a case: access, audit and the case-to-dossier mapping. The layout
itself is `safepassage.report.dossier`; nothing here stores a rendered document."""
