"""Profile fields added in issue 12: prominence, previously_targeted, passport status,
state_power. Older files keep their meaning; bad values get one line naming the field."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from safepassage.profile.reader import ProfileError, profile_from_data

BASE = {
    "id": "p",
    "citizenship": ["SA"],
    "origin": {"country": "SA"},
    "gender": "female",
    "threats": [{"actor": "family", "state": "SA"}],
}


class TestOlderFilesKeepTheirMeaning:
    def test_new_fields_default_to_not_stated(self) -> None:
        profile = profile_from_data(BASE)
        assert profile.prominence is None and not profile.prominent
        assert profile.previously_targeted.attempts_on_life == "unknown"
        assert not profile.previously_targeted.any
        assert profile.threat_actors == {"family"}

    def test_plain_passport_still_means_a_valid_one(self) -> None:
        profile = profile_from_data({**BASE, "documents": ["passport"]})
        assert profile.passport_status == "valid"
        assert profile.holds("passport") and profile.has_travel_document

    def test_the_examples_still_read(self) -> None:
        for path in (Path(__file__).parents[1] / "examples").glob("*.yaml"):
            profile_from_data(yaml.safe_load(path.read_text()))


class TestPassportStatus:
    @pytest.mark.parametrize("status", ["expired", "cancelled", "held_by_family"])
    def test_a_passport_that_cannot_be_used_is_no_travel_document(self, status: str) -> None:
        profile = profile_from_data({**BASE, "documents": [f"passport:{status}", "internal_id"]})
        assert profile.passport_status == status
        assert not profile.holds("passport")
        assert not profile.has_travel_document
        assert profile.holds("internal_id")

    def test_an_explicit_valid_passport_is_one(self) -> None:
        assert profile_from_data({**BASE, "documents": ["passport:valid"]}).has_travel_document

    def test_an_unknown_status_names_the_field(self) -> None:
        with pytest.raises(ProfileError, match=r"documents: .*passport:valid\|expired"):
            profile_from_data({**BASE, "documents": ["passport:stolen"]})

    def test_two_passport_entries_are_refused(self) -> None:
        with pytest.raises(ProfileError, match="one passport entry"):
            profile_from_data({**BASE, "documents": ["passport", "passport:expired"]})


class TestPursuers:
    def test_a_family_with_state_power_is_weighed_as_a_state_threat_too(self) -> None:
        profile = profile_from_data(
            {**BASE, "threats": [{"actor": "family", "state": "AE", "state_power": True}]}
        )
        assert profile.threat_actors == {"family", "state"}
        assert profile.state_pursued

    def test_state_power_must_be_a_boolean(self) -> None:
        with pytest.raises(ProfileError, match=r"threats\.0\.state_power"):
            profile_from_data({**BASE, "threats": [{"actor": "family", "state_power": "maybe"}]})


class TestProminenceAndHistory:
    def test_prominence_and_previous_targeting_are_read(self) -> None:
        profile = profile_from_data(
            {
                **BASE,
                "prominence": "public_figure",
                "previously_targeted": {"attempts_on_life": True, "threats_abroad": False},
            }
        )
        assert profile.prominent
        assert profile.previously_targeted.violently
        assert profile.previously_targeted.abduction_attempts == "unknown"

    def test_threats_alone_are_targeting_but_not_violent(self) -> None:
        profile = profile_from_data({**BASE, "previously_targeted": {"threats_abroad": True}})
        assert profile.previously_targeted.any and not profile.previously_targeted.violently

    @pytest.mark.parametrize(
        ("field", "value", "where"),
        [
            ("prominence", "famous", "prominence: 'famous' is not allowed"),
            ("previously_targeted", {"kidnap": True}, "previously_targeted.kidnap"),
            (
                "previously_targeted",
                {"attempts_on_life": "yes"},
                "previously_targeted.attempts_on_life",
            ),
        ],
    )
    def test_bad_values_name_the_field(self, field: str, value: object, where: str) -> None:
        with pytest.raises(ProfileError) as error:
            profile_from_data({**BASE, field: value})
        assert where in str(error.value)
        assert "\n" not in str(error.value)
