"""``credcat`` command line: the core without MkDocs.

Commands:

* ``credcat check [DIR]`` — validate a catalogue and report every problem.
* ``credcat schema [--out DIR]`` — write the JSON Schemas of the YAML files.
* ``credcat generate [DIR] --out OUT`` — write the machine-readable files without MkDocs.
* ``credcat import FILE [--into DIR] [--as-new]`` — turn an existing EDC or ELM specification
  (or every credential of a built site's ``catalogue.jsonld``) into YAML; a credential the
  catalogue already has is not written again, unless ``--as-new``.
* ``credcat release ID [DIR] [--date D]`` — archive the current version of a credential.
* ``credcat record-names [DIR]`` — record today's organisation names in release records
  written before credcat recorded them, or that leave some out.
* ``credcat init DIR [--title T] [--base-url U] [--languages L,L]`` — start a new catalogue
  repository that builds at once.
* ``credcat new credential|organisation ID [--catalogue DIR]`` — an annotated new file whose
  ``TODO(new)`` placeholders ``credcat check`` refuses until they are filled in.
* ``credcat translate LANG [DIR]`` — start (or, run again, update) the catalogue's own
  translation of credcat's interface, ``locales/<lang>.po`` in the catalogue folder.
* ``credcat verify-site SITE [--catalogue DIR]`` — check that a built site holds every page and
  machine-readable file credcat publishes (the last step of a catalogue's CI).
* ``credcat validate FILE|DIR …`` — run the official shapes (ELM 3.2 EDC, LOQ) and the Open
  Badges 3.0 schema on EDC, ELM, LOQ and OB3 files or a whole built site, offline
  (needs ``pip install 'credcat[validate]'``).

Exit codes: 0 success, 1 problems in the input, 2 wrong usage.
"""

from __future__ import annotations

import argparse
import io
import os
import shlex
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TextIO

import yaml

from . import __version__
from .catalogue import CATALOGUE_FILE, CREDENTIALS_DIR, Catalogue
from .errors import (
    CatalogueError,
    CredcatError,
    Problem,
    counted,
    display_path,
    format_json,
)
from .release import ReleaseError, release
from .render.site.locales import LOCALES_DIR, read_own
from .render.site.messages import untranslated_note, using_own_translations
from .rules import Suggester, counted_for_translation, translation_completeness
from .validate import check_catalogue, no_catalogue
from .versions import summary as versions_summary
from .yaml_loader import TO_TRANSLATE


def _summary(
    credentials: int,
    organisations: int,
    languages: int,
    errors: int,
    warnings: int,
    unread: tuple[int, int] = (0, 0),
    notes: int = 0,
) -> str:
    """``1 credential, 1 organisation, …``; ``unread``: the credential and organisation files
    that failed their own checks, counted too (``2 credentials (1 with errors in its file)``);
    notes are counted where there are any (they fail nothing)."""

    def n(count: int, word: str, failed: int = 0) -> str:
        total = count + failed
        said = f"{total} {word}{'' if total == 1 else 's'}"
        return said + (
            f" ({failed} with errors in {'its' if failed == 1 else 'their'} file"
            f"{'' if failed == 1 else 's'})"
            if failed
            else ""
        )

    return ", ".join(
        [
            n(credentials, "credential", unread[0]),
            n(organisations, "organisation", unread[1]),
            n(languages, "language"),
            n(errors, "error"),
            n(warnings, "warning"),
            *([n(notes, "note")] if notes else []),
        ]
    )


def _unread(catalogue: Catalogue | None) -> tuple[int, int]:
    """The credential and organisation files that failed their own checks (not in the
    catalogue, but on disk)."""
    if catalogue is None:
        return (0, 0)
    kinds = [entry.partition(":")[0] for entry in catalogue.invalid]
    return (kinds.count("credential"), kinds.count("organisation"))


def _translations_summary(catalogue: Catalogue, problems: Sequence[Problem] = ()) -> str:
    """``translations: en 100% (120/120), de 100% (120/120), fr 31% (37/120, partial)``; a
    text still marked ``# translate`` (a note of ``problems``) is not counted as translated;
    a mark on a text the counts do not hold takes nothing off them
    (:func:`~credcat.rules.counted_for_translation`)."""
    partial = set(catalogue.settings.partial_languages)
    parts = []
    found = translation_completeness(catalogue)
    if not any(total for _present, total in found.values()):
        return "translations: no texts to translate yet"
    marked = Counter(
        str(p.loc[-1]) for p in problems if p.code == TO_TRANSLATE and counted_for_translation(p)
    )
    for lang, (counted_present, total) in found.items():
        present = max(counted_present - marked[lang], 0)
        percent = 100 if total == 0 else present * 100 // total
        note = ", partial" if lang in partial else ""
        parts.append(f"{lang} {percent}% ({present}/{total}{note})")
    return "translations: " + ", ".join(parts)


def cmd_check(args: argparse.Namespace, out: TextIO) -> int:
    """Validate a catalogue folder and print every problem."""
    started = time.perf_counter()

    def said(problems: Sequence[Problem]) -> str:
        if args.format == "json":
            return format_json(problems) + "\n"
        return "".join(
            (p.format_github() if args.format == "github" else p.format()) + "\n" for p in problems
        )

    folder = _existing_catalogue(args.catalogue, out, "check", said)
    if folder is None:  # nothing to check: a mistake in the command, not the catalogue
        return 2
    catalogue, problems = check_catalogue(folder)
    # what the interface speaks, with the catalogue's own translations (locales/<lang>.po),
    # for this command only (main() may be called again in this process)
    own = read_own(folder, display_path(folder / LOCALES_DIR, Path.cwd()) + "/")
    with using_own_translations(own):
        errors = sum(p.is_error for p in problems)
        warnings = sum(p.is_warning for p in problems)
        notes = len(problems) - errors - warnings
        out.write(said(problems))
        if args.format != "json":
            summary = _summary(
                len(catalogue.credentials) if catalogue else 0,
                len(catalogue.organisations) if catalogue else 0,
                len(catalogue.languages) if catalogue else 0,
                errors,
                warnings,
                _unread(catalogue),
                notes,
            )
            elapsed = time.perf_counter() - started
            verdict = "FAILED" if errors or (args.strict and warnings) else "OK"
            if args.strict and warnings and not errors:
                verdict += " (--strict: warnings count as errors)"
            if catalogue is not None:  # how complete each language is; which versions exist
                # (not with errors: they would count only the files that could be read)
                if len(catalogue.languages) > 1 and not errors:
                    out.write(_translations_summary(catalogue, problems) + "\n")
                note = untranslated_note(catalogue.languages)
                if note:  # not a warning: the catalogue is right; credcat lacks words
                    out.write(note + "\n")
                if not errors:
                    out.write(versions_summary(catalogue, catalogue.archive) + "\n")
            elif errors:  # the settings did not read: nothing else was checked
                out.write(
                    f"{verdict}: {counted(errors, 'error')} in {CATALOGUE_FILE}; the credentials "
                    "and organisations are checked once it is mended\n"
                )
                return 1
            out.write(f"{verdict}: {summary} in {elapsed:.2f} s\n")
        failed = errors > 0 or (args.strict and warnings > 0)
        return 1 if failed else 0


def cmd_schema(args: argparse.Namespace, out: TextIO) -> int:
    """Write the JSON Schemas of the three YAML file kinds."""
    from .schema import write_schemas

    written = write_schemas(Path(args.out))
    for path in written:
        out.write(f"wrote {path}\n")
    return 0


def cmd_generate(args: argparse.Namespace, out: TextIO) -> int:
    """Write the machine-readable files of a catalogue into a folder, without MkDocs."""
    from .output import OutputError, check_site_url, write_machine_files
    from .validate import load_catalogue

    if args.site_url is not None:
        try:
            args.site_url = check_site_url(args.site_url)
        except OutputError as exc:
            out.write(f"credcat generate: {exc}\n")
            return 2
    folder = _existing_catalogue(args.catalogue, out, "generate")
    if folder is None:
        return 2
    # a catalogue with errors, an output folder refused, CREDCAT_JOBS, a worker process that
    # died: said by main(), exit code 1
    catalogue = load_catalogue(folder, packed=True)
    written = write_machine_files(catalogue, Path(args.out), site_url=args.site_url)
    out.write(f"wrote {written} files to {args.out}\n")
    return 0


def cmd_import(args: argparse.Namespace, out: TextIO) -> int:
    """Convert an EDC credential or ELM specification into catalogue YAML."""
    from .importer import ImportFailed, ImportUsageError, import_file

    try:
        report = import_file(Path(args.file), _catalogue_folder(args.into), as_new=args.as_new)
    except ImportUsageError as exc:  # no such file, a folder, no catalogue: the command
        out.write(f"{args.file}: {exc}\n")
        return 2
    except ImportFailed as exc:
        out.write(f"{args.file}: {exc}\n")
        return 1
    for line in report:
        out.write(line + "\n")
    return 0


def cmd_release(args: argparse.Namespace, out: TextIO) -> int:
    """Archive the current version of a credential in ``versions/<id>/<version>.yaml``."""
    from datetime import date

    try:
        on = date.fromisoformat(args.date) if args.date else None
    except ValueError:
        out.write(f"credcat release: '{args.date}' is not a date: write YYYY-MM-DD\n")
        return 2
    folder = _existing_catalogue(args.catalogue, out, "release")
    if folder is None:
        return 2
    missing = _no_credential(folder, args.id)
    if missing:  # a mistake in the command, not in the catalogue
        out.write(f"credcat release: {missing}\n")
        return 2
    try:  # the warnings of its file are printed before the snapshot is written
        done = release(folder, args.id, on=on, warn=lambda found: _print_problems(found, out))
    except ReleaseError as exc:
        _print_problems(exc.problems, out)
        out.write(f"credcat release: {exc}\n")
        return 1
    out.write(f"released {args.id}: wrote {done.path}; commit it with the credential file\n")
    if done.elsewhere:
        out.write(
            f"note: {', '.join(done.elsewhere)} still "
            f"{'has errors' if len(done.elsewhere) == 1 else 'have errors'} (credcat check "
            f"lists them); they do not name {args.id}, so they did not hold up its release\n"
        )
    for draft in done.at_record:
        out.write(
            f"note: {draft} is a draft, whose version has no permanent address: its files name "
            f"{draft}'s main page (credentials/{draft}/#spec), which stays; this credential's "
            f"next release names {draft}'s version once it is released\n"
        )
    for named in done.pending:
        other, version = named.split(" ")
        out.write(
            f"note: its files name {other} {version}, which is not released yet: release it "
            f"(credcat release {other}) before its version changes, or that address will "
            "never exist; they keep its title as it is today, so keep that too until then\n"
        )
    return 0


def cmd_record_names(args: argparse.Namespace, out: TextIO) -> int:
    """Record today's organisation names in release records that hold none."""
    from .release import record_organisation_names

    folder = _existing_catalogue(args.catalogue, out, "record-names")
    if folder is None:
        return 2
    try:
        done = record_organisation_names(folder)
    except ReleaseError as exc:
        _print_problems(exc.problems, out)
        out.write(f"credcat record-names: {exc}\n")
        return 1
    if not done:
        out.write("every release record holds the organisations' names: nothing to record\n")
        return 0
    for path in done:
        out.write(f"recorded the organisations' names in {path}\n")
    one = len(done) == 1
    whose = "its version's" if one else "their versions'"
    out.write(
        f"{len(done)} release record{'' if one else 's'} now name{'s' if one else ''} the "
        f"organisations as their files do today; {whose} pages no longer say that the names "
        f"were not recorded. Commit {'it' if one else 'them'}.\n"
    )
    return 0


def cmd_init(args: argparse.Namespace, out: TextIO) -> int:
    """Create a new catalogue repository."""
    from .scaffold import InitOptions, ScaffoldError, init_catalogue

    options = InitOptions(
        title=args.title,
        base_url=args.base_url,
        languages=[lang.strip() for lang in args.languages.split(",") if lang.strip()],
        publisher=args.publisher,
        publisher_name=args.publisher_name,
        homepage=args.homepage,
        kind=args.kind,
        country=args.country,
        data_licence=args.data_licence,
    )
    try:
        written = init_catalogue(Path(args.folder), options)
    except ScaffoldError as exc:
        out.write(f"credcat init: {exc}\n")
        return 2
    out.write(f"created a catalogue in {args.folder} ({len(written)} files). Next:\n")
    out.write(  # credcat release writes files to commit with the credential's: Git it is
        f"  cd {shlex.quote(args.folder)} && git init && git add -A && git commit -m "
        '"A new catalogue"   # releases are kept in Git\n'
    )
    out.write("  mkdocs serve   # preview on http://127.0.0.1:8000\n")
    out.write("  then replace the example credential and organisation with your own, and\n")
    out.write("  credcat check catalogue   # every problem, as file:line:column; then commit\n")
    settings = next(p for p in written if p.name == CATALOGUE_FILE)
    note = untranslated_note(yaml.safe_load(settings.read_text("utf-8")).get("languages", []))
    if note:
        out.write(note + "\n")
    return 0


def cmd_new(args: argparse.Namespace, out: TextIO) -> int:
    """Write an annotated new credential or organisation file."""
    from .scaffold import ScaffoldError, new_file

    try:
        path = new_file(args.kind, args.id, _catalogue_folder(args.catalogue))
    except ScaffoldError as exc:
        out.write(f"credcat new: {exc}\n")
        return 2
    out.write(f"wrote {path}: replace every TODO(new), then run credcat check\n")
    return 0


def cmd_translate(args: argparse.Namespace, out: TextIO) -> int:
    """Start or update the catalogue's own translation of the interface into a language."""
    from .render.site.locales import TranslateError, start_translation

    folder = _existing_catalogue(args.catalogue, out, "translate")
    if folder is None:
        return 2
    lang = args.language.strip()
    try:
        done = start_translation(folder, lang)
    except TranslateError as exc:
        out.write(f"credcat translate: {exc}\n")
        return 2 if "language code" in str(exc) else 1
    shown = display_path(done.path, Path.cwd())
    state = f"{done.translated} of {done.total} strings translated"
    if done.created:
        out.write(
            f"wrote {shown}: {done.total} strings to translate. Fill in each msgstr (Poedit, "
            "Weblate, Lokalize or any gettext editor, or a text editor); keep {placeholders} "
            "as they are. credcat check says what is missing, mkdocs serve shows it\n"
        )
    elif done.changed:
        out.write(
            f"updated {shown}: {done.added} new strings, {done.obsolete} no longer used (kept "
            f"as #~); {state}; a string whose English changed keeps its translation, marked "
            "fuzzy: check it, then remove the fuzzy mark\n"
        )
    else:
        out.write(f"{shown} is up to date: {state}\n")
    try:
        settings = yaml.safe_load((folder / CATALOGUE_FILE).read_text("utf-8")) or {}
    except (OSError, yaml.YAMLError):
        settings = {}
    languages = settings.get("languages") if isinstance(settings, dict) else None
    if isinstance(languages, list) and lang not in languages:
        out.write(
            f"note: {lang} is not one of the catalogue's languages: add it to languages in "
            f"{CATALOGUE_FILE} to publish pages in it\n"
        )
    return 0


def cmd_verify_site(args: argparse.Namespace, out: TextIO) -> int:
    """Check that a built site holds everything credcat publishes for the catalogue."""
    from .publish import DIFFERS, verify_site
    from .validate import load_catalogue

    site = Path(args.site)
    if not site.is_dir():
        out.write(f"credcat verify-site: {site} is not a folder; build the site first\n")
        return 2
    folder = _existing_catalogue(args.catalogue, out, "verify-site")
    if folder is None:
        return 2
    # a catalogue with errors, CREDCAT_JOBS, a worker process: said by main(), exit code 1
    catalogue = load_catalogue(folder, packed=True)
    found = verify_site(catalogue, site)
    for line in found:
        out.write(f"{site}/{line}\n")
    if found:
        if any(line.endswith(DIFFERS) for line in found):
            out.write(
                "FAILED: files of the site are not what credcat makes of this catalogue: "
                "build the site from this version of the catalogue and upload all of it (a "
                "file edited by hand or left from an older upload differs)\n"
            )
        else:
            out.write(
                "FAILED: the site lacks what credcat publishes; was it built with MkDocs and "
                "the credcat plugin, from this catalogue?\n"
            )
        return 1
    out.write(f"OK: {site} holds every page and machine-readable file of the catalogue\n")
    return 0


def cmd_validate(args: argparse.Namespace, out: TextIO) -> int:
    """Run the official shapes and schemas on files or built sites."""
    from collections import Counter

    from .conformance import KINDS, MissingExtra, check_extra, validate_path

    try:
        check_extra()
    except MissingExtra as exc:
        out.write(f"credcat validate: {exc}\n")
        return 2
    started = time.perf_counter()
    kinds: Counter[str] = Counter()
    failed = violations = left = skipped = 0
    for target in args.paths:
        path = Path(target)
        if not path.exists():
            out.write(f"credcat validate: {path} does not exist\n")
            return 2
        for report in validate_path(path):
            if report.skipped:
                skipped += 1
                if args.verbose:
                    out.write(f"{report.file}: skipped ({report.skipped})\n")
                continue
            kinds[report.kind or "unknown"] += 1
            for finding in report.findings:
                if finding.left_for_issuer and not args.verbose:
                    continue
                out.write(finding.format(report.file) + "\n")
            left += len(report.findings) - len(report.violations)
            violations += len(report.violations)
            failed += bool(report.violations) or report.kind is None
    checked = sum(kinds.values())
    names = {**KINDS, "unknown": "of no known kind"}
    parts = [f"{n} {names[k]}" for k, n in sorted(kinds.items())]
    detail = f" ({', '.join(parts)})" if parts else ""
    notes = []
    if left:
        notes.append(
            f"{left} value{'s' if left != 1 else ''} left for the issuer in unsealed credentials"
            + ("" if args.verbose else " (--verbose lists them)")
        )
    if skipped:
        notes.append(f"{skipped} other JSON file{'s' if skipped != 1 else ''} skipped")
    tail = "; " + "; ".join(notes) if notes else ""
    elapsed = time.perf_counter() - started
    if failed:
        out.write(
            f"FAILED: {violations} violation{'s' if violations != 1 else ''} in {failed} of "
            f"{checked} file{'s' if checked != 1 else ''}{detail}{tail} in {elapsed:.1f} s\n"
        )
        return 1
    if checked == 0:
        out.write(f"FAILED: no EDC, ELM, LOQ or OB3 file found{tail}\n")
        return 1
    out.write(
        f"OK: {checked} file{'s' if checked != 1 else ''} conform{'s' if checked == 1 else ''}"
        f"{detail}{tail} in {elapsed:.1f} s\n"
    )
    return 0


DEFAULT_CATALOGUE = "catalogue"


EXIT_STATUS = """\
exit status, every command:
  0  done, nothing wrong
  1  problems found (in the catalogue, the site or the files: errors, and with
     --strict warnings too), or a step refused (a version released already)
  2  the command could not run as given (a folder that does not exist, a bad
     option or date, a file that would be overwritten)"""
"""What ``credcat --help`` says of exit codes, which CI scripts rely on."""


def _catalogue_folder(given: str) -> Path:
    """The catalogue folder a command was given: ``catalogue.yaml`` itself means its folder,
    and the default (``catalogue``), when there is no such folder but the current one holds a
    ``catalogue.yaml``, means the current folder (credcat run inside the catalogue)."""
    path = Path(given)
    if path.name == CATALOGUE_FILE and path.is_file():
        return path.parent
    if given == DEFAULT_CATALOGUE and not path.exists() and Path(CATALOGUE_FILE).is_file():
        return Path()
    return path


def _existing_catalogue(
    given: str,
    out: TextIO,
    command: str,
    said: Callable[[Sequence[Problem]], str] | None = None,
) -> Path | None:
    """The catalogue folder a command was given (:func:`_catalogue_folder`), or ``None``
    after saying it is none (no such folder, a file, a folder without ``catalogue.yaml``),
    and which folder is, where one holds the path or the current folder: a mistake in the
    command (exit status 2), not a problem of the catalogue. ``said`` writes the problem in
    the format asked for (``credcat check --format json``)."""
    folder = _catalogue_folder(given)
    settings = folder / CATALOGUE_FILE
    if folder.is_dir() and (settings.is_file() or settings.is_symlink()):
        return folder  # a catalogue.yaml that is a link out is refused by the loader
    problem = no_catalogue(folder, lambda path: display_path(path, Path.cwd()), command)
    out.write(said([problem]) if said is not None else problem.format() + "\n")
    return None


def _no_credential(folder: Path, credential_id: str) -> str:
    """What is wrong when the catalogue has no file for ``credential_id`` (with the id that
    was probably meant), else ``""``."""
    credentials = folder / CREDENTIALS_DIR
    if (credentials / f"{credential_id}.yaml").is_file():
        return ""
    try:
        ids = [p.stem for p in credentials.iterdir() if p.suffix == ".yaml"]
    except OSError:
        ids = []
    wanted = credential_id.removesuffix(".yaml").rsplit("/", 1)[-1]
    close = wanted if wanted in ids else Suggester(ids).closest(wanted)
    meant = f" (did you mean '{close}'?)" if close else ""
    return (
        f"there is no credential '{credential_id}' in {display_path(folder, Path.cwd()) or '.'}"
        f"{meant}"
    )


def _print_problems(problems: Sequence[Problem], out: TextIO) -> None:
    for problem in problems:
        out.write(problem.format() + "\n")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (also used to document the CLI)."""
    parser = argparse.ArgumentParser(
        prog="credcat",
        description="Micro-credential catalogues from YAML: check, generate, import, release.",
        epilog=EXIT_STATUS,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    check = sub.add_parser(
        "check",
        help="validate a catalogue and report every problem",
        epilog=EXIT_STATUS,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _catalogue_argument(check)
    check.add_argument("--strict", action="store_true", help="fail on warnings too")
    check.add_argument(
        "--format",
        choices=("text", "github", "json"),
        default="text",
        help="text (default), GitHub Actions annotations, or JSON",
    )
    check.set_defaults(func=cmd_check)

    schema = sub.add_parser("schema", help="write the JSON Schemas of the YAML files")
    schema.add_argument("--out", default="schemas", help="output folder (default: ./schemas)")
    schema.set_defaults(func=cmd_schema)

    generate = sub.add_parser("generate", help="write the machine-readable files without MkDocs")
    _catalogue_argument(generate)
    generate.add_argument(
        "--out",
        required=True,
        help="output folder: a new or empty folder, or one an earlier credcat generate wrote "
        "(it holds .credcat-output.json); its previous content is replaced",
    )
    generate.add_argument(
        "--site-url",
        default=None,
        help="override the catalogue's base_uri for IRIs and links (an http(s) address)",
    )
    generate.set_defaults(func=cmd_generate)

    imp = sub.add_parser("import", help="turn an EDC credential or ELM specification into YAML")
    imp.add_argument(
        "file",
        help="a .json/.jsonld file: unsigned, uploadable or signed EDC, "
        "or a standalone specification",
    )
    imp.add_argument("--into", default="catalogue", help="catalogue folder (default: ./catalogue)")
    imp.add_argument(
        "--as-new",
        action="store_true",
        help="import a credential the catalogue already has (same address, or same title and "
        "awarding body) as a new one, with an id of its own",
    )
    imp.set_defaults(func=cmd_import)

    rel = sub.add_parser("release", help="archive the current version of a credential, for good")
    rel.add_argument("id", help="the credential's id (its file name without .yaml)")
    _catalogue_argument(rel)
    rel.add_argument("--date", default=None, help="release date, YYYY-MM-DD (default: today)")
    rel.set_defaults(func=cmd_release)

    names = sub.add_parser(
        "record-names",
        help="record today's organisation names in release records written before credcat "
        "recorded them, or that leave some out (only if no organisation was renamed since "
        "those releases)",
    )
    _catalogue_argument(names)
    names.set_defaults(func=cmd_record_names)

    _add_init(sub)
    new = sub.add_parser("new", help="write an annotated new credential or organisation file")
    new.add_argument("kind", choices=("credential", "organisation"))
    new.add_argument("id", help="its id: lowercase words joined by hyphens (the file name)")
    new.add_argument(
        "--catalogue", default="catalogue", help="catalogue folder (default: ./catalogue)"
    )
    new.set_defaults(func=cmd_new)

    translate = sub.add_parser(
        "translate",
        help="start or update the catalogue's own translation of credcat's interface",
        description="Write locales/LANG.po in the catalogue folder: every string of credcat's "
        "interface with an empty translation and the language's plural forms (CLDR); run "
        "again, it adds new strings and keeps every translation. The site uses it for that "
        "language, before credcat's own translation and English.",
    )
    translate.add_argument("language", help="the language code, as in catalogue.yaml: sl, pl, hr")
    _catalogue_argument(translate)
    translate.set_defaults(func=cmd_translate)

    verify = sub.add_parser(
        "verify-site", help="check that a built site holds everything credcat publishes"
    )
    verify.add_argument("site", help="the built site folder (e.g. site)")
    verify.add_argument(
        "--catalogue", default="catalogue", help="catalogue folder (default: ./catalogue)"
    )
    verify.set_defaults(func=cmd_verify_site)

    val = sub.add_parser(
        "validate",
        help="run the official EDC/LOQ shapes and the Open Badges 3.0 schema on files or a site",
    )
    val.add_argument(
        "paths",
        nargs="+",
        metavar="FILE|DIR",
        help="EDC, ELM, LOQ or OB3 files, or folders (a built site): every .json/.jsonld in them",
    )
    val.add_argument(
        "--verbose",
        action="store_true",
        help="also list what unsealed credentials leave for the issuer, and skipped files",
    )
    val.set_defaults(func=cmd_validate)
    return parser


def _add_init(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from .scaffold import (
        EXAMPLE_BASE_URL,
        EXAMPLE_COUNTRY,
        EXAMPLE_KIND,
        EXAMPLE_LICENCE,
        EXAMPLE_PUBLISHER_NAME,
        InitOptions,
    )

    d = InitOptions()
    init = sub.add_parser("init", help="start a new catalogue repository that builds at once")
    init.add_argument("folder", help="a new or empty folder")
    init.add_argument(
        "--title",
        default=d.title,
        help=f"the catalogue's title (else {d.title!r}, in each language credcat speaks)",
    )
    init.add_argument(
        "--base-url",
        help="where the site will be published; every identifier starts with it (else "
        f"{EXAMPLE_BASE_URL}, marked as an example to change before the first release)",
    )
    init.add_argument(
        "--languages",
        default=",".join(d.languages),
        help="the catalogue's languages, the default first, e.g. en,de (en)",
    )
    init.add_argument(
        "--publisher", default=d.publisher, help=f"the publisher's id ({d.publisher})"
    )
    init.add_argument(
        "--publisher-name",
        help=f"its name (else {EXAMPLE_PUBLISHER_NAME!r}, marked as an example to change)",
    )
    init.add_argument(
        "--homepage",
        help="its website (else the catalogue's address, marked as an example to change)",
    )
    init.add_argument(
        "--kind",
        help=f"its kind of organisation (else {EXAMPLE_KIND}, marked as an example to change)",
    )
    init.add_argument(
        "--country",
        help=f"its ISO country code (else {EXAMPLE_COUNTRY}, marked as an example to change)",
    )
    init.add_argument(
        "--data-licence",
        help="the licence of the catalogue's data: an SPDX id such as CC0-1.0, or the "
        f"licence's address (else {EXAMPLE_LICENCE}, marked as an example to confirm)",
    )
    init.set_defaults(func=cmd_init)


def _catalogue_argument(parser: argparse.ArgumentParser) -> None:
    """The catalogue folder, given as the last argument or, as ``new`` and ``verify-site``
    take it, with ``--catalogue``."""
    parser.add_argument(
        "catalogue",
        nargs="?",
        default=None,
        help="the folder that holds catalogue.yaml (default: ./catalogue)",
    )
    parser.add_argument(
        "--catalogue",
        dest="catalogue_option",
        metavar="FOLDER",
        default=None,
        help="the same, as an option",
    )


def _one_catalogue(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    """Settle :func:`_catalogue_argument`'s two ways into ``args.catalogue``."""
    if not hasattr(args, "catalogue_option"):
        return
    given, option = args.catalogue, args.catalogue_option
    if given is not None and option is not None and given != option:
        parser.error(f"two catalogues given: {given} and --catalogue {option}; give one")
    args.catalogue = option or given or DEFAULT_CATALOGUE


SIGPIPE_EXIT = 141
"""The exit code when the reader of the output went away, as a shell reports a process that
``SIGPIPE`` stopped (128 + 13)."""


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    """Run the CLI; returns the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    _one_catalogue(parser, args)
    if out is None and isinstance(sys.stdout, io.TextIOWrapper):
        # a console or a redirect in a legacy encoding (cp1252, ascii) must not turn a message
        # with 'ü' or '→' into a traceback
        sys.stdout.reconfigure(errors="backslashreplace")
    stream = out if out is not None else sys.stdout
    try:
        try:
            code: int = args.func(args, stream)
        except CatalogueError as exc:  # a command that loads a catalogue and says no more
            _print_problems(exc.problems, stream)
            return 1
        except CredcatError as exc:  # CREDCAT_JOBS, a worker that died, an output folder refused
            stream.write(f"credcat {args.command}: {exc}\n")
            return 1
        stream.flush()
    except BrokenPipeError:  # `credcat check | head`: the reader has all it wanted
        if stream is sys.stdout:  # nothing more reaches it, not even Python's last flush
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        return SIGPIPE_EXIT
    return code


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
