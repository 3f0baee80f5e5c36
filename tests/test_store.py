"""Packed models (credcat.store): what a build holds of a catalogue while it renders.

A build loads the catalogue packed (the models of credentials and snapshots pickled into an
anonymous temporary file as each is made, read again where asked), so that its memory does not
grow with the catalogue. These tests check that a packed catalogue is the same catalogue, and
that it holds no more than a few models at a time.
"""

from __future__ import annotations

import gc
import shutil
from pathlib import Path

import pytest
from pydantic import BaseModel

from catalogue_factory import SAMPLE, credential, write_catalogue
from credcat.model import Credential
from credcat.render.data.machine import edition_files, version_documents
from credcat.render.site.pages import Pages
from credcat.store import Held, ModelStore, Packed, Stored
from credcat.urls import Urls
from credcat.validate import check_catalogue, load_catalogue
from credcat.versions import fingerprint, succession


def live_credentials() -> int:
    gc.collect()
    return sum(1 for obj in gc.get_objects() if type(obj) is Credential)


def test_a_stored_model_reads_back_equal_and_the_recent_ones_are_the_same_objects() -> None:
    store = ModelStore(recent=2)
    models = [Credential.model_validate(dict(credential(), id=f"c{i}")) for i in range(3)]
    handles = [store.put(model) for model in models]
    assert all(isinstance(h, Stored) for h in handles)
    # the last two are kept: the same objects, nothing read
    assert handles[2].get() is models[2] and handles[1].get() is models[1]
    assert store.reads == 0
    # the first was let go: read again, equal, and then kept
    again = handles[0].get()
    assert again is not models[0] and again == models[0]
    assert again.model_fields_set == models[0].model_fields_set
    assert handles[0].get() is again and store.reads == 1
    store.close()


def test_a_packed_mapping_keeps_its_order_and_reaches_each_model_by_its_handle() -> None:
    store = ModelStore()
    models = {cid: Credential.model_validate(dict(credential(), id=cid)) for cid in "bac"}
    packed = Packed({cid: store.put(model) for cid, model in models.items()})
    assert list(packed) == ["b", "a", "c"] and len(packed) == 3
    assert "a" in packed and "z" not in packed and packed.get("z") is None
    assert dict(packed) == models
    assert packed.handle("a").get() == models["a"]
    assert Packed({"x": Held(models["a"])})["x"] is models["a"]
    with pytest.raises(KeyError):
        packed["z"]


def sample_copy(tmp_path: Path) -> Path:
    root = tmp_path / "catalogue"
    shutil.copytree(SAMPLE, root)
    return root


def test_a_packed_load_is_the_same_catalogue_with_the_same_problems(tmp_path: Path) -> None:
    """The sample's archive has versions released and unchanged since (sharing the current
    file's model) and older ones (with their own)."""
    root = sample_copy(tmp_path)
    plain, plain_problems = check_catalogue(root)
    packed, packed_problems = check_catalogue(root, packed=True)
    assert plain is not None and packed is not None
    assert isinstance(packed.credentials, Packed) and not isinstance(plain.credentials, Packed)
    assert packed_problems == plain_problems
    assert list(packed.credentials) == list(plain.credentials)
    assert dict(packed.credentials) == dict(plain.credentials)
    assert packed.archive == plain.archive  # the same releases (dates, fingerprints, sources)
    shared = own = 0
    for cid, releases in plain.archive.releases.items():
        assert [r.credential for r in packed.archive.of(cid)] == [r.credential for r in releases]
        for plain_release, packed_release in zip(releases, packed.archive.of(cid), strict=True):
            # a version released and unchanged since shares the current file's packed model
            if plain_release.credential is plain.credentials.get(cid):
                assert packed_release.model is packed.credentials.handle(cid)
                shared += 1
            else:
                assert isinstance(packed_release.model, Stored)
                assert packed_release.model is not packed.credentials.handle(cid)
                own += 1
    assert shared and own


def test_a_packed_catalogues_briefs_tell_what_its_credentials_tell_without_their_models(
    tmp_path: Path,
) -> None:
    """A brief is what every credential costs in memory while a build renders: it tells the
    lists and the graph the same as the model, and holds figures and ids, not models."""
    root = sample_copy(tmp_path)
    plain, _ = check_catalogue(root)
    packed, _ = check_catalogue(root, packed=True)
    assert plain is not None and packed is not None
    assert list(packed.briefs) == list(plain.credentials)
    linked = 0
    for cid, cred in plain.credentials.items():
        brief = packed.briefs[cid]
        assert (brief.id, brief.title, brief.status, brief.eqf, brief.superseded_by) == (
            cred.id,
            cred.title,
            cred.status,
            cred.eqf,
            cred.superseded_by,
        )
        assert brief.ects == cred.workload.ects == cred.ects
        assert (brief.version, brief.fingerprint) == (cred.version, fingerprint(cred))
        stack, links = cred.stackability, brief.stackability
        assert (stack is None) == (links is None)
        if stack is not None and links is not None:
            assert list(links.part_of) == stack.part_of
            assert list(links.builds_on) == stack.builds_on
            linked += bool(stack.part_of or stack.builds_on)
        parts = [getattr(brief, name) for name in brief.__slots__]  # type: ignore[attr-defined]
        assert not any(isinstance(part, BaseModel) for part in parts), cid
    assert linked  # the sample links credentials


def test_a_packed_catalogues_successions_are_made_from_its_briefs_without_a_model_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every page and file of a credential asks for its versions: a packed catalogue answers
    from the brief and the archive, the same as a plain one, without reading a model back."""
    root = sample_copy(tmp_path)
    edited = root / "credentials" / "data-analysis-python.yaml"  # a version not released yet
    edited.write_text(edited.read_text().replace('version: "1.2"', 'version: "1.3"', 1))
    plain, _ = check_catalogue(root)
    packed, _ = check_catalogue(root, packed=True)
    assert plain is not None and packed is not None
    reads: list[Stored[object]] = []
    original = Stored.get

    def counted(handle: Stored[object]) -> object:
        reads.append(handle)
        return original(handle)

    monkeypatch.setattr(Stored, "get", counted)
    found = {cid: succession(packed, cid) for cid in packed.briefs}
    assert not reads
    assert found == {cid: succession(plain, cid) for cid in plain.credentials}
    unreleased = [s for s in found.values() if s.versions[-1].released is None]
    assert [s.credential_id for s in unreleased] == ["data-analysis-python"]
    assert [v.version for v in unreleased[0].versions] == ["1.0", "1.1", "1.2", "1.3"]
    assert unreleased[0].versions[-1].replaces == "1.2"
    assert all(s.current == s.versions[-1].version for s in found.values())


@pytest.mark.parametrize(
    "cid",
    [
        "research-data-management",  # superseded by another credential
        "fair-research-data",  # supersedes one
        "responsible-machine-learning",  # builds on another
        "applied-data-analytics",  # has parts
        "data-analysis-python",  # part of another, three versions
    ],
)
def test_a_credentials_pages_and_files_read_no_other_credentials_model(
    cid: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What a credential's pages and files show of the credentials linked to it (titles,
    versions, addresses) comes from their briefs: rendering them reads its own models only,
    so that the few models kept are the ones being rendered."""
    root = sample_copy(tmp_path)
    packed = load_catalogue(root, packed=True)
    owner = {id(packed.credentials.handle(c)): c for c in packed.credentials}
    owner |= {id(r.model): c for c, releases in packed.archive.releases.items() for r in releases}
    read: set[str] = set()
    original = Stored.get

    def noted(handle: Stored[object]) -> object:
        read.add(owner[id(handle)])
        return original(handle)

    monkeypatch.setattr(Stored, "get", noted)
    urls = Urls.of(packed.settings)
    for lang in packed.languages:
        pages = Pages(packed, urls, lang)
        for spec in pages.credential_pages(cid):
            assert pages.context(spec)
    for info in succession(packed, cid).versions:
        assert version_documents(packed, cid, info.version, urls)
        assert edition_files(packed, cid, info.version, urls)
    assert read == {cid}


def test_a_packed_catalogue_holds_a_few_models_not_one_per_credential(tmp_path: Path) -> None:
    """The catalogue, the rules that checked it and its archive hold no credential's model:
    only the store's last few are in memory."""
    creds = {f"course-{i:03d}": credential() for i in range(150)}
    root = write_catalogue(tmp_path, credentials=creds)
    before = live_credentials()
    catalogue = load_catalogue(root, packed=True)
    held = live_credentials() - before
    assert len(catalogue.credentials) == 150
    assert 0 < held <= 64
    # every model is reached, and reading them all keeps no more
    assert [c.id for c in catalogue.credentials.values()] == sorted(creds)
    assert live_credentials() - before <= 64
    unpacked = load_catalogue(root)
    assert live_credentials() - before >= 150
    assert dict(unpacked.credentials) == dict(catalogue.credentials)
