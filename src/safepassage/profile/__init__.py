"""The person-at-risk profile (DESIGN.md §5): a validated model and its file format."""

from safepassage.profile.models import Profile, Threat, Wanted
from safepassage.profile.reader import ProfileError, read_profile

__all__ = ["Profile", "ProfileError", "Threat", "Wanted", "read_profile"]
