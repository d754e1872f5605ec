"""The directory of sites."""

from __future__ import annotations

import pytest

from outreach_app.core.model import Contact, Site
from outreach_app.storage.repository import NotFoundError, Repository, SiteInUseError, StoreError
from tests.storage.shared import add_session


def test_sites_round_trip_with_contacts_and_tags(repo: Repository) -> None:
    site_id = repo.sites.save_site(
        Site(
            "红旗村村委会",
            region="甘肃",
            contacts=[Contact("张德明", "13909321234", "书记")],
            tags=["乡村振兴"],
        )
    )
    site = repo.sites.get_site(site_id)
    assert site.contacts == [Contact("张德明", "13909321234", "书记")]
    assert site.tags == ["乡村振兴"]
    site.address = "凤翔镇"
    repo.sites.save_site(site)
    assert repo.sites.get_site(site_id).address == "凤翔镇"


def test_site_names_are_unique_ignoring_case(repo: Repository) -> None:
    repo.sites.save_site(Site("Gas Field"))
    with pytest.raises(StoreError, match="already exists"):
        repo.sites.save_site(Site("gas field"))
    with pytest.raises(StoreError, match="needs a name"):
        repo.sites.save_site(Site("   "))


def test_referenced_site_cannot_be_deleted_only_archived(repo: Repository) -> None:
    used = repo.sites.save_site(Site("用过的站点"))
    unused = repo.sites.save_site(Site("没用过的站点"))
    add_session(repo, [used])
    with pytest.raises(SiteInUseError):
        repo.sites.delete_site(used)
    repo.sites.set_site_archived(used, True)
    assert [s.name for s in repo.sites.list_sites()] == ["没用过的站点"]
    assert {s.name for s in repo.sites.list_sites(include_archived=True)} == {
        "用过的站点",
        "没用过的站点",
    }
    repo.sites.delete_site(unused)
    with pytest.raises(NotFoundError):
        repo.sites.get_site(unused)


def test_import_is_all_or_nothing(repo: Repository) -> None:
    repo.sites.save_site(Site("已存在"))
    with pytest.raises(StoreError):
        repo.sites.import_sites([Site("新站点一"), Site("已存在"), Site("新站点二")])
    assert [s.name for s in repo.sites.list_sites()] == ["已存在"]
    repo.sites.import_sites([Site("新站点一"), Site("新站点二")])
    assert len(repo.sites.list_sites()) == 3
