"""Translatable names of the engine's factors and ratings, for the web pages."""

from django.utils.translation import gettext_lazy as _

FACTOR_LABELS = {
    "land_border": _("Land border with the pursuers' state"),
    "distance": _("Distance from the pursuers' state"),
    "pursuers_home_state": _("This is the pursuers' own state"),
    "free_entry": _("Pursuers can enter freely"),
    "legal_cooperation": _("Legal cooperation with the pursuers' state"),
    "wanted_exposure": _("Wanted lists and extradition"),
    "removal_record": _("Record of extraditions and deportations"),
    "police_conduct": _("Police and state conduct"),
    "community_presence": _("Diaspora of the person's community"),
    "refugee_protection": _("Refugee protection"),
    "violence_protection": _("Protection from violence"),
    "international_remedies": _("International complaints and interim measures"),
    "onward_options": _("Onward travel with the documents held"),
}

RATING_LABELS = {
    "unsafe": _("unsafe"),
    "elevated": _("elevated risk"),
    "moderate": _("moderate risk"),
    "lower": _("lower risk"),
    "unknown": _("unknown"),
}
