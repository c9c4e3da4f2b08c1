"""A validation's entity type, changed before any finding, reaches the hub and colleagues;
once the hub holds a finding, it refuses the change."""

from ctpat_desktop.services.validations import update_validation
from tests.hubkit import ServedHub
from tests.sync.conftest import Laptop, sync
from tests.sync.helpers import planned, session


def test_a_changed_entity_type_syncs_with_its_catalog(
    hub_server: ServedHub, miami: dict[str, str], laptop: Laptop
) -> None:
    ana, ben = laptop("ana"), laptop("ben")
    validation_id = planned(ana)
    sync(ana, hub_server.url, miami["ana"])
    sync(ben, hub_server.url, miami["ben"])
    assert ben.store.validation(validation_id).entity == "importer"

    changed = update_validation(ana, validation_id, entity="foreign-manufacturer")
    pushed = sync(ana, hub_server.url, miami["ana"])
    assert pushed.rejected == [] and pushed.pending == 0
    hub_copy = hub_server.hub.record("validation", validation_id)
    assert hub_copy is not None
    assert (hub_copy.fields["entity"], hub_copy.fields["catalog_version"]) == (
        "foreign-manufacturer",
        changed.catalog_version,
    )
    sync(ben, hub_server.url, miami["ben"])
    got = ben.store.validation(validation_id)
    assert (got.entity, got.catalog_version) == ("foreign-manufacturer", changed.catalog_version)
    assert session(ben, validation_id).catalog.entity == "foreign-manufacturer"


def test_the_hub_refuses_an_entity_change_once_it_holds_a_finding(
    hub_server: ServedHub, miami: dict[str, str], laptop: Laptop
) -> None:
    ana, ben = laptop("ana"), laptop("ben")
    validation_id = planned(ana)
    sync(ana, hub_server.url, miami["ana"])
    sync(ben, hub_server.url, miami["ben"])
    session(ben, validation_id).record_finding("1.1", status="met")
    sync(ben, hub_server.url, miami["ben"])
    # Ana, offline, has not seen Ben's finding yet: her laptop lets her change the type.
    update_validation(ana, validation_id, entity="foreign-manufacturer")
    refused = sync(ana, hub_server.url, miami["ana"])
    assert any("once findings are recorded" in r["error"] for r in refused.rejected)
    hub_copy = hub_server.hub.record("validation", validation_id)
    assert hub_copy is not None and hub_copy.fields["entity"] == "importer"
