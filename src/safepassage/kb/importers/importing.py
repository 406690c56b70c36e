"""Run one importer safely: into a temporary folder, validated, then swapped in whole.

Nothing is ever half-imported. The importer writes into a fresh hidden folder beside the target;
the metadata is written there and the runtime layer reads every derived file back (the same code
the engine uses); only then is the old folder renamed aside and the new one renamed into place.
Any failure removes the temporary folder and leaves the previous release untouched.
"""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from pathlib import Path

from safepassage.kb.importers.derived import sha256_of, write_yaml
from safepassage.kb.importers.importer import Importer, ImportFailure, MissingFile, Release
from safepassage.kb.layers.release import METADATA, ReleaseError, read_meta, write_checksums


def raw_files(importer: Importer, raw: Path) -> list[Path]:
    """The files of the release the importer reads; each pattern must match at least one."""
    if not raw.is_dir():
        raise ImportFailure(f"{raw}: not a folder (give the folder of the raw release)")
    found: list[Path] = []
    for pattern in importer.reads:
        matches = sorted(p for p in raw.glob(pattern) if p.is_file())
        if not matches:
            raise MissingFile(raw, pattern)
        found.extend(matches)
    return found


def import_dataset(
    importer: Importer,
    raw: Path,
    datasets_dir: Path,
    released: str | None = None,
    today: dt.date | None = None,
) -> Path:
    """Regenerate `datasets_dir/<importer.name>/` from the raw release in `raw`."""
    inputs = raw_files(importer, raw)
    datasets_dir.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{importer.name}.importing-", dir=datasets_dir))
    try:
        release = importer.run(raw, work, released)
        for name in release.licence_files:
            shutil.copyfile(raw / name, work / name)
        _write_metadata(importer, release, raw, inputs, work, today or dt.date.today())
        _validate(importer.name, work)
        work.chmod(0o755)  # mkdtemp makes it private; package data is readable by everyone
        return _swap_in(work, datasets_dir / importer.name)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise


def _write_metadata(
    importer: Importer,
    release: Release,
    raw: Path,
    inputs: list[Path],
    work: Path,
    today: dt.date,
) -> None:
    write_checksums(work)
    data = {
        "name": importer.name,
        "title": release.title,
        "publisher": release.publisher,
        "url": release.url,
        "version": release.version,
        "published": release.published,
        "licence": release.licence,
        "licence_files": release.licence_files,
        "compiled_by": release.compiled_by,
        "imported": today.isoformat(),
        "importer": f"{type(importer).__module__}.{type(importer).__name__}",
        "raw_files": [_digest(p, raw) for p in inputs],
        "counts": release.counts,
        "notes": release.notes,
        "sources": [
            {**source, "accessed": source.get("accessed", today.isoformat())}
            for source in release.sources
        ],
    }
    write_yaml(work / METADATA, data)


def _digest(path: Path, root: Path) -> dict[str, object]:
    return {
        "file": str(path.relative_to(root)),
        "sha256": sha256_of(path),
        "bytes": path.stat().st_size,
    }


def _validate(name: str, folder: Path) -> None:
    """Read the new release back exactly as the engine will; refuse it on any problem."""
    from safepassage.kb.layers.registry import layer_for_dataset

    try:
        read_meta(folder)
    except ReleaseError as error:
        raise ImportFailure(f"derived files failed validation: {error}") from error
    layer = layer_for_dataset(name)
    if layer is not None:
        problems = layer.validate_release(name, folder)
        if problems:
            raise ImportFailure(f"derived files failed validation: {problems[0]}")


def _swap_in(work: Path, target: Path) -> Path:
    """Put `work` at `target`; the old folder is renamed aside first and restored on failure."""
    previous: Path | None = None
    if target.exists():
        previous = Path(tempfile.mkdtemp(prefix=f".{target.name}.previous-", dir=target.parent))
        previous.rmdir()
        target.rename(previous)
    try:
        work.rename(target)
    except BaseException:
        if previous is not None:
            previous.rename(target)
        raise
    if previous is not None:
        shutil.rmtree(previous, ignore_errors=True)
    return target
