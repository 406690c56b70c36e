"""Casework: the multi-user web app a crisis team keeps its cases in (Django, server-rendered).

Small apps in the healthchecks manner: `accounts` (people, teams, roles, login with TOTP),
`cases` (the case file), `assessments` (engine runs stored as snapshots), `audit` (the
hash-chained access log), `vault` (keys and encryption), `security` (headers, quick exit, log
scrubbing), `api` (JSON for scripts). The threat model is docs/threat-model.md.
"""
