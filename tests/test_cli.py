"""`credcat check` as a maintainer and a CI job use it: output format, exit codes, summary."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from catalogue_factory import SAMPLE, credential, write_catalogue
from credcat.cli import main


def check(*args: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(["check", *args], out=out)
    return code, out.getvalue()


def test_clean_catalogue_exits_zero_with_summary(catalogue_dir: Path) -> None:
    code, output = check(str(catalogue_dir))
    assert code == 0
    last = output.strip().splitlines()[-1]
    assert last.startswith("OK: 1 credential, 2 organisations, 2 languages, 0 errors, 0 warnings")


def test_errors_exit_one_and_use_path_line_column(tmp_path: Path) -> None:
    root = write_catalogue(tmp_path / "catalogue", credentials={"db": credential(mode="onlin")})
    code, output = check(str(root))
    assert code == 1
    lines = output.strip().splitlines()
    cred_file = (root / "credentials" / "db.yaml").read_text().splitlines()
    line_no = next(i for i, line in enumerate(cred_file, 1) if line.startswith("mode:"))
    shown = (
        (root / "credentials" / "db.yaml").relative_to(Path.cwd())
        if root.is_relative_to(Path.cwd())
        else root / "credentials" / "db.yaml"
    )
    assert lines[0] == (
        f"{shown.as_posix()}:{line_no}:7: mode: unknown mode of delivery 'onlin' "
        "(did you mean 'online'?)"
    )
    # the file with errors is counted, and said to be one
    assert lines[-1].startswith(
        "FAILED: 1 credential (1 with errors in its file), 2 organisations, 2 languages, "
        "1 error, 0 warnings"
    )


def test_warnings_pass_unless_strict(tmp_path: Path) -> None:
    root = write_catalogue(
        tmp_path / "catalogue", credentials={"db": credential(workload={"ects": 4, "hours": 60})}
    )
    code, output = check(str(root))
    assert code == 0 and ": warning: workload:" in output
    code, output = check("--strict", str(root))
    assert code == 1
    assert "FAILED" in output and "--strict: warnings count as errors" in output


def test_github_annotations(tmp_path: Path) -> None:
    root = write_catalogue(
        tmp_path / "catalogue",
        credentials={
            "db": credential(mode="onlin"),
            "light": credential(workload={"ects": 4, "hours": 60}),
        },
    )
    code, output = check("--format", "github", str(root))
    assert code == 1
    lines = [ln for ln in output.splitlines() if ln.startswith("::")]
    assert len(lines) == 2
    error = next(ln for ln in lines if ln.startswith("::error "))
    assert "file=" in error and ",line=" in error and ",col=7" in error
    assert error.endswith("::mode: unknown mode of delivery 'onlin' (did you mean 'online'?)")
    assert any(ln.startswith("::warning ") for ln in lines)


def test_json_format(tmp_path: Path) -> None:
    root = write_catalogue(tmp_path / "catalogue", credentials={"db": credential(eqf=9)})
    code, output = check("--format", "json", str(root))
    assert code == 1
    data = json.loads(output)
    assert data[0]["field"] == "eqf" and data[0]["severity"] == "error" and data[0]["line"] > 0


def test_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    code, output = check(str(tmp_path / "nowhere"))
    assert code == 2  # the command could not run: not "the catalogue has errors" (1)
    assert "there is no folder" in output and "Traceback" not in output
    assert "FAILED: 0 credentials" not in output


def test_every_command_given_no_catalogue_folder_says_so_with_status_2(tmp_path: Path) -> None:
    """generate, release and verify-site, as check: a catalogue folder that does not exist is
    a mistake in the command (status 2, as --help says), not a catalogue with errors (1)."""
    missing = str(tmp_path / "nowhere")
    site = tmp_path / "site"
    site.mkdir()
    for args in (
        ["generate", "--catalogue", missing, "--out", str(tmp_path / "out")],
        ["release", "databases", "--catalogue", missing],
        ["verify-site", str(site), "--catalogue", missing],
    ):
        out = io.StringIO()
        assert main(args, out=out) == 2, args
        said = out.getvalue()
        assert said.startswith(f"{missing}: there is no folder {missing}"), said
        assert "Traceback" not in said
    assert not (tmp_path / "out").exists()  # nothing written


def test_console_script_runs_without_traceback(tmp_path: Path) -> None:
    root = write_catalogue(
        tmp_path / "catalogue", credentials={"db": b"title: [\n", "ok": credential()}
    )
    result = subprocess.run(
        [sys.executable, "-m", "credcat.cli", "check", str(root)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    assert "invalid YAML" in result.stdout


def test_usage_error_exits_two() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "credcat.cli", "frobnicate"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2 and "invalid choice" in result.stderr


def test_legacy_console_encoding_never_raises(tmp_path: Path) -> None:
    """A Windows console or a redirect in cp1252 or ASCII: 'ï' and '→' end in no traceback."""
    root = write_catalogue(
        tmp_path / "catalogue",
        credentials={
            "a": credential(mode="onlïne"),
            "b": "title: Daten\xfcbersicht\n".encode("latin-1"),  # hint: 'Save with Encoding' → …
        },
    )
    for encoding in ("ascii", "cp1252", "utf-8"):
        result = subprocess.run(
            [sys.executable, "-m", "credcat.cli", "check", str(root)],
            capture_output=True,
            check=False,
            env={**os.environ, "PYTHONIOENCODING": encoding},
        )
        assert result.returncode == 1, encoding
        assert b"Traceback" not in result.stderr + result.stdout, result.stderr
        assert b"unknown mode of delivery 'onl" in result.stdout


def test_file_name_that_is_not_utf8_prints_in_every_format(tmp_path: Path) -> None:
    root = write_catalogue(tmp_path / "catalogue")
    (root / "credentials" / os.fsdecode(b"caf\xe9.yaml")).write_text("title: x\n")
    for fmt in ("text", "github", "json"):
        code, output = check("--format", fmt, str(root))
        assert code == 1 and "caf?" in output, (fmt, output)


def test_github_annotations_for_syntax_and_file_problems(tmp_path: Path) -> None:
    root = write_catalogue(
        tmp_path / "catalogue", credentials={"db": "title: A\nmode online\n", "ok": credential()}
    )
    (root / "credentials" / "Other.yml").write_text("title: x\n")
    code, output = check("--format", "github", str(root))
    assert code == 1
    lines = [ln for ln in output.splitlines() if ln.startswith("::")]
    assert any(
        ln.startswith("::error file=") and "Other.yml,title=file-name::" in ln for ln in lines
    ), lines  # a whole-file problem: no line, no column
    assert any(
        "db.yaml,line=2,col=1,title=yaml::invalid YAML: this line has no ':'" in ln for ln in lines
    ), lines


def test_a_mistaken_jobs_setting_is_one_line_not_a_traceback() -> None:
    """``CREDCAT_JOBS`` also sets the processes that read a large catalogue: a value that is
    not a number is refused by every command that loads one, however small, in one line."""
    result = subprocess.run(
        [sys.executable, "-m", "credcat.cli", "check", str(SAMPLE)],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "CREDCAT_JOBS": "two"},
    )
    assert result.returncode == 1
    assert result.stdout == (
        "credcat check: CREDCAT_JOBS='two' is not a number of processes: write a whole number "
        "(1 for one process) or auto (one per core), or leave it unset\n"
    )
    assert result.stderr == ""


def test_a_reader_that_stops_early_gets_no_traceback(tmp_path: Path) -> None:
    """``credcat check | head -1`` on a long report: once the reader has gone, credcat stops
    quietly with the exit code a shell gives a process stopped by SIGPIPE, no traceback."""
    unknown = "".join(f"unknown_key_{n}: {n}\n" for n in range(3000))
    root = write_catalogue(
        tmp_path / "catalogue",
        credentials={"a": yaml.safe_dump(credential(), allow_unicode=True) + unknown},
    )
    with subprocess.Popen(
        [sys.executable, "-m", "credcat.cli", "check", str(root)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    ) as process:
        assert process.stdout is not None and process.stderr is not None
        first = process.stdout.readline()
        process.stdout.close()  # as head does after its line
        error = process.stderr.read()
        assert process.wait(timeout=60) == 141
    assert "unknown_key_" in first
    assert error == ""


def test_the_catalogue_is_found_as_a_maintainer_names_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``catalogue.yaml`` itself, or no argument inside the catalogue folder, finds the
    catalogue; where none is found the hint names what to pass."""
    project = tmp_path / "project"
    root = write_catalogue(project / "catalogue")
    code, output = check(str(root / "catalogue.yaml"))
    assert code == 0 and "OK: 1 credential," in output
    monkeypatch.chdir(root)
    code, output = check()
    assert code == 0 and "OK: 1 credential," in output
    code, output = check("nowhere")  # a folder given by name is never guessed, only named
    assert code == 2
    assert output.splitlines() == [
        "nowhere: there is no folder nowhere (the nearest catalogue folder is .: give .)"
    ]
    monkeypatch.chdir(project)
    code, output = check(".")
    assert code == 2  # the command could not run as given
    assert output.splitlines() == [
        ".: no catalogue.yaml in . (give catalogue, the folder that holds catalogue.yaml)"
    ]
    monkeypatch.chdir(tmp_path)
    code, output = check("nowhere")  # no catalogue anywhere near
    assert output.splitlines() == [
        "nowhere: there is no folder nowhere (give the folder that holds catalogue.yaml, or "
        "start one with credcat init)"
    ]


def test_version_says_which_credcat_answers(capsys: pytest.CaptureFixture[str]) -> None:
    """``credcat --version``: the installed version, as a bug report needs it."""
    from credcat import __version__

    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0
    assert capsys.readouterr().out == f"credcat {__version__}\n"


def test_python_m_credcat_is_the_command(tmp_path: Path) -> None:
    """``python -m credcat``, for a Python whose scripts folder is not on the PATH: the same
    command, with its exit codes."""
    root = write_catalogue(tmp_path / "catalogue", credentials={"db": b"title: [\n"})
    for args, code, said in (
        (["--version"], 0, "credcat "),
        (["check", str(root)], 1, "invalid YAML"),
        (["frobnicate"], 2, "invalid choice"),
    ):
        result = subprocess.run(
            [sys.executable, "-m", "credcat", *args], capture_output=True, text=True, check=False
        )
        assert result.returncode == code, (args, result.stderr)
        assert said in result.stdout + result.stderr, args
        assert "Traceback" not in result.stderr


def test_the_catalogue_is_named_the_same_way_in_every_command(
    catalogue_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """check, generate and release take the folder as their last argument and, as new and
    verify-site do, as --catalogue; two different folders are refused."""
    code, output = check("--catalogue", str(catalogue_dir))
    assert code == 0 and output.strip().splitlines()[-1].startswith("OK: ")
    with pytest.raises(SystemExit) as done:
        main(["check", str(catalogue_dir), "--catalogue", "elsewhere"])
    assert done.value.code == 2
    assert "two catalogues given" in capsys.readouterr().err


def test_a_language_credcats_interface_is_not_translated_into_is_said(
    tmp_path: Path,
) -> None:
    """Polish and Czech pages show credcat's headings and notes in English: init and check
    say so, naming each language (not a warning: the catalogue is right), and say nothing for
    the languages it has words for."""
    out = io.StringIO()
    assert main(["init", str(tmp_path / "pl"), "--languages", "pl,en,cs,it"], out=out) == 0
    note = "interface: credcat's interface is not translated into Polish (pl), Czech (cs) yet"
    assert note in out.getvalue()
    code, output = check("--strict", str(tmp_path / "pl" / "catalogue"))
    assert code == 0 and note in output
    assert "yet: pages in these languages show its headings" in output
    out = io.StringIO()
    assert main(["init", str(tmp_path / "de"), "--languages", "de,en,fr,es,pt,nl"], out=out) == 0
    assert "interface:" not in out.getvalue()
    out = io.StringIO()
    assert main(["init", str(tmp_path / "sl"), "--languages", "sl,en"], out=out) == 0
    assert (
        "interface: credcat's interface is not translated into Slovenian (sl) yet: pages in "
        "Slovenian show its headings, labels and notes in English"
    ) in out.getvalue()


def test_the_summary_counts_nothing_it_could_not_read(tmp_path: Path) -> None:
    """With a file in error, the translations and versions lines would count only the files
    that could be read ("every current version is released"): they are left out; with
    catalogue.yaml in error, nothing else was checked, and the verdict says so."""
    root = write_catalogue(tmp_path / "c", credentials={"db": b"title: [\n", "ok": credential()})
    code, output = check(str(root))
    assert code == 1
    said = output.splitlines()
    assert not [line for line in said if line.startswith(("versions:", "translations:"))]
    assert said[-1].startswith("FAILED: 2 credentials (1 with errors in its file), ")
    (root / "credentials" / "db.yaml").unlink()
    settings = root / "catalogue.yaml"
    settings.write_text(settings.read_text("utf-8").replace("languages:", "langues:"), "utf-8")
    code, output = check(str(root))
    assert code == 1
    assert output.splitlines()[-1] == (
        "FAILED: 1 error in catalogue.yaml; the credentials and organisations are checked once "
        "it is mended"
    )


def test_help_says_what_each_exit_status_means(capsys: pytest.CaptureFixture[str]) -> None:
    from credcat.cli import main

    for argv in (["--help"], ["check", "--help"]):
        with pytest.raises(SystemExit) as done:
            main(argv)
        assert done.value.code == 0
        text = capsys.readouterr().out
        assert "exit status, every command:" in text
        assert "  1  problems found" in text and "  2  the command could not run" in text


# --- a command given what it does not take ---------------------------------------------------


def test_a_credential_file_given_to_check_names_the_catalogue_folder(
    catalogue_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``credcat check catalogue/credentials/databases.yaml`` checks nothing but says which
    folder check takes; not "there is no folder" (there is a file), and no verdict line."""
    monkeypatch.chdir(catalogue_dir.parent)
    code, output = check("catalogue/credentials/databases.yaml")
    assert code == 2
    assert output.splitlines() == [
        "catalogue/credentials/databases.yaml: catalogue/credentials/databases.yaml is a file, "
        "not a catalogue folder (credcat check takes the catalogue folder and checks every file "
        "in it: give catalogue)"
    ]


def test_check_inside_the_credentials_folder_names_the_catalogue_folder(
    catalogue_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Run in ``credentials/``: the catalogue folder above is named, and nothing suggests that
    catalogue.yaml has errors (it has none)."""
    monkeypatch.chdir(catalogue_dir / "credentials")
    code, output = check(".")
    assert code == 2
    assert output.splitlines() == [
        ".: no catalogue.yaml in . (this folder is inside the catalogue folder ..: give ..)"
    ]
    code, output = check()  # the default, ./catalogue, is not there either
    assert code == 2
    assert output.splitlines() == [
        "catalogue: there is no folder catalogue (the nearest catalogue folder is ..: give ..)"
    ]
    code, output = check(".", "--format", "json")  # what a script reads stays JSON
    assert code == 2
    [problem] = json.loads(output)
    assert problem["code"] == "no-catalogue" and problem["hint"].endswith("give ..")
    code, output = check(".", "--format", "github")
    assert code == 2 and output.startswith("::error ")
    code, output = check("..")
    assert code == 0 and "OK: 1 credential" in output


def test_a_broken_catalogue_yaml_still_gets_its_verdict_line(tmp_path: Path) -> None:
    root = write_catalogue(tmp_path / "catalogue", settings=b"title: [\n")  # type: ignore[arg-type]
    code, output = check(str(root))
    assert code == 1
    assert output.splitlines()[-1].startswith("FAILED: 1 error in catalogue.yaml")


def test_a_key_indented_one_space_off_is_named_with_the_column_to_move_it_to(
    tmp_path: Path,
) -> None:
    """A maintainer types one space too few before the German text of an outcome, its values
    quoted: YAML notices only on the next line, which is the one indented right. The check names
    the line that is out of line, both columns, and where the key belongs."""
    outcomes = (
        "outcomes:\n"
        "  - id: design\n"
        "    kind: skill\n"
        "    text:\n"
        '     de: "Ein Schema entwerfen."\n'
        '      en: "Design a normalised schema."\n'
        "  - id: query\n"
        "    kind: skill\n"
        "    text:\n"
        '      de: "SQL-Abfragen schreiben."\n'
        '      en: "Write SQL queries with joins."\n'
    )
    rest = {k: v for k, v in credential().items() if k != "outcomes"}
    text = yaml.safe_dump(rest, allow_unicode=True, sort_keys=False) + outcomes
    root = write_catalogue(tmp_path / "catalogue", credentials={"db": text})
    code, output = check(str(root))
    assert code == 1
    lines = text.splitlines()
    de_line = next(n for n, line in enumerate(lines, 1) if line.startswith("     de: "))
    [problem] = [line for line in output.splitlines() if "db.yaml" in line]
    assert problem.endswith(
        f"db.yaml:{de_line}:6: invalid YAML: 'de:' starts in column 6, but 'en:' on line "
        f"{de_line + 1}, a key of the same level below it, in column 7 (keys at the same level "
        f"start in the same column: move 'de:' to column 7, 2 spaces in from 'text:' on line "
        f"{de_line - 1})"
    ), problem
    assert "Traceback" not in output


def _run(args: list[str]) -> tuple[int, str]:
    """A command's exit status and what it said; argparse's refusals (status 2) included."""
    out = io.StringIO()
    err = io.StringIO()
    try:
        from contextlib import redirect_stderr

        with redirect_stderr(err):
            code = main(args, out=out)
    except SystemExit as exc:
        code = int(exc.code or 0)
    return code, out.getvalue() + err.getvalue()


def test_every_command_missing_an_argument_or_a_file_exits_2(tmp_path: Path) -> None:
    """``credcat --help``: "2  the command could not run as given (a folder that does not
    exist, a bad option or date, a file that would be overwritten)". A missing argument, a
    file or folder that is not there, a folder where a file is wanted and a credential id the
    catalogue does not have are such mistakes, in every command; nothing is written."""
    root = write_catalogue(tmp_path / "catalogue")
    site = tmp_path / "site"
    site.mkdir()
    nowhere = str(tmp_path / "nowhere")
    source = tmp_path / "edc.json"
    source.write_text('{"type": "Qualification", "title": {"en": "X"}}', encoding="utf-8")
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "x.txt").write_text("x", encoding="utf-8")
    before = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*"))
    cases = {
        # argparse: an argument missing
        "import": ["import"],
        "release": ["release"],
        "init": ["init"],
        "new": ["new", "credential"],
        "generate --out": ["generate", str(root)],
        "verify-site": ["verify-site"],
        "validate": ["validate"],
        "a bad --format": ["check", str(root), "--format", "xml"],
        # a file or folder that is not there, or is not what the command takes
        "check nowhere": ["check", nowhere],
        "check a file": ["check", str(root / "credentials" / "databases.yaml")],
        "generate nowhere": ["generate", nowhere, "--out", str(tmp_path / "out")],
        "import no file": ["import", nowhere + ".json", "--into", str(root)],
        "import a folder": ["import", str(root), "--into", str(root)],
        "import into nowhere": ["import", str(source), "--into", nowhere],
        "release nowhere": ["release", "databases", nowhere],
        "release an unknown id": ["release", "nonexist", str(root)],
        "release a bad date": ["release", "databases", str(root), "--date", "1.2.2027"],
        "new into nowhere": ["new", "credential", "sql", "--catalogue", nowhere],
        "verify-site no site": ["verify-site", nowhere, "--catalogue", str(root)],
        "verify-site nowhere": ["verify-site", str(site), "--catalogue", nowhere],
        "validate nowhere": ["validate", nowhere],
        "init a full folder": ["init", str(tmp_path / "full")],
    }
    for name, args in cases.items():
        code, said = _run(args)
        assert code == 2, (name, said)
        assert said.strip() and "Traceback" not in said, name
    assert sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*")) == before


def test_release_of_an_id_the_catalogue_lacks_names_the_one_meant(catalogue_dir: Path) -> None:
    code, said = _run(["release", "databases.yaml", str(catalogue_dir)])
    assert code == 2
    assert said == (
        f"credcat release: there is no credential 'databases.yaml' in {catalogue_dir} "
        "(did you mean 'databases'?)\n"
    )
    code, said = _run(["release", "databse", str(catalogue_dir)])
    assert code == 2 and "(did you mean 'databases'?)" in said


def test_import_of_a_folder_says_what_to_give(tmp_path: Path) -> None:
    root = write_catalogue(tmp_path / "catalogue")
    code, said = _run(["import", str(root)])
    assert code == 2
    assert said == (
        f"{root}: a catalogue folder, not a file to import: give the file first and the "
        f"catalogue with --into (credcat import FILE --into {root})\n"
    )
