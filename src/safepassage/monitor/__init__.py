"""News monitoring: feeds, article text, cross-script name matching, places and incident
candidates. A pure library (no web framework, no database); the casework app's
`casework/monitoring` runs it as a worker and keeps the results sealed per case."""
