"""The `pgraph` command line: thin commands over the library."""
from __future__ import annotations

import contextlib
import functools
import json
import os
import sys
from pathlib import Path
from typing import Any, Callable

import click

from graph.errors import PartnershipGraphError

CONTEXT = {"help_option_names": ["-h", "--help"]}
EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "minutes"


def default_store_dir() -> Path:
    base = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(base) / "partnership-graph" / "store"


def friendly_errors(func: Callable) -> Callable:
    """Turn the project's own errors into one-line messages that say what to try next."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except PartnershipGraphError as exc:
            hint = f"\n{exc.hint}" if exc.hint else ""
            raise click.ClickException(f"{exc}{hint}") from exc

    return wrapper


class Settings:
    def __init__(self, store: Path | None, neo4j: str | None, quiet: bool):
        self.store_dir = store
        self.neo4j = neo4j
        self.quiet = quiet

    def open_store(self):
        from graph.store import open_store

        if self.neo4j and "NEO4J_PASSWORD" not in os.environ and interactive():
            from graph.store.neo4j import Neo4jStore

            # Asked for, held in memory only: never written to disk, a log or the shell's history.
            return Neo4jStore(self.neo4j, password=click.prompt(f"Neo4j password for {self.neo4j}",
                                                                hide_input=True, err=True))
        return open_store(store_dir=self.store_dir or default_store_dir(), neo4j_uri=self.neo4j)

    def say(self, message: str) -> None:
        if not self.quiet:
            click.echo(message, err=True)


def interactive() -> bool:
    return sys.stdin.isatty()


pass_settings = click.make_pass_decorator(Settings)


@click.group(context_settings=CONTEXT)
@click.option("--store", type=click.Path(file_okay=False, path_type=Path), envvar="PGRAPH_STORE",
              help="Folder of the embedded graph server's data (default: a per-user data folder).")
@click.option("--neo4j", metavar="URI", envvar="NEO4J_URI",
              help="Use a Neo4j server instead (NEO4J_USERNAME, NEO4J_PASSWORD, NEO4J_DATABASE from the environment; "
                   "the password is asked for when NEO4J_PASSWORD is unset).")
@click.option("-q", "--quiet", is_flag=True, help="No progress or summary on stderr.")
@click.version_option(package_name="partnership-graph")
@click.pass_context
def cli(ctx: click.Context, store: Path | None, neo4j: str | None, quiet: bool) -> None:
    """Partnership Graph: read partnership minutes into a knowledge graph.

    \b
    Example:
      pgraph --store ./graphdata load examples/minutes
      pgraph --store ./graphdata query post-holders -p role="Community Safety Manager"
    """
    ctx.obj = Settings(store, neo4j, quiet)


class Progress:
    """A progress bar on stderr that learns its length from the first report."""

    def __init__(self, label: str, hidden: bool):
        self.label, self.hidden, self.bar, self.done = label, hidden, None, 0

    def __call__(self, name: str, done: int, total: int) -> None:
        if self.hidden:
            self.done = done
            return
        if self.bar is None:
            self.bar = click.progressbar(length=total, label=self.label, file=sys.stderr,
                                         item_show_func=lambda n: n)
            self.bar.__enter__()
        self.bar.update(done - self.done, name)
        self.done = done

    def close(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)
            self.bar = None
            self.hidden = True      # closed for good: a late report draws no second bar


curation_option = click.option(
    "--curation", type=click.Path(exists=True, dir_okay=False, path_type=Path), envvar="PGRAPH_CURATION",
    help="YAML of person and organisation aliases, merges and splits, applied on every load.")

file_timeout_option = click.option(
    "--file-timeout", type=click.FloatRange(min=0), default=300.0, show_default=True, metavar="SECONDS",
    help="Give up a file that takes longer than this to read and extract (one error line; the rest go on); 0: no limit.")


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--force", is_flag=True, help="Re-extract documents even when their content is already stored.")
@curation_option
@file_timeout_option
@pass_settings
@friendly_errors
def load(settings: Settings, paths: tuple[Path, ...], force: bool, curation: Path | None,
         file_timeout: float) -> None:
    """Load minutes (.txt, .md, .html, .pdf files or folders of them) into the graph.

    Only new or changed documents are extracted; the exit code is 1 when any file failed.

    \b
    Example:
      pgraph --store ./graphdata load examples/minutes
    """
    from app.pipeline import load_into

    from loaders.resolve import Curation

    extracting, writing = Progress("Extracting", settings.quiet), Progress("Writing   ", settings.quiet)

    def written(name: str, done: int, total: int) -> None:
        extracting.close()         # the extraction bar ends before the writing bar starts
        writing(name, done, total)

    try:
        with settings.open_store() as store:
            try:
                report = load_into(store, paths, force=force, progress=extracting, writing=written,
                                   curation=Curation.load(curation), file_timeout=file_timeout)
            finally:
                extracting.close()
                writing.close()
    except KeyboardInterrupt:
        # One line, whatever the phase: each document is written whole or not at all (a batch in flight
        # may have reached the store, so it is counted there).
        phase = "writing" if writing.done else "reading and extracting"
        try:
            with settings.open_store() as store:
                held = f"the store holds {len(store.document_hashes())} documents, each whole"
        except (PartnershipGraphError, KeyboardInterrupt):
            held = "documents already written are stored whole"
        raise click.ClickException(f"interrupted while {phase}: {held}; "
                                   "run the same load again to finish it") from None
    for name, message in report.failed:
        click.echo(f"error: {message}", err=True)
    for warning in report.warnings[:20]:
        settings.say(f"warning: {warning}")
    if len(report.warnings) > 20:
        settings.say(f"... and {len(report.warnings) - 20} more warnings")
    w = report.write
    skipped = f"{len(report.skipped)} skipped (no minutes), " if report.skipped else ""
    # Stored documents whose facts the archive now resolves otherwise (a full name a surname in them joins).
    skipped += f"{len(report.resolved_again)} stored resolved again, " if report.resolved_again else ""
    settings.say(f"{len(report.loaded)} loaded, {len(report.unchanged)} unchanged, {skipped}"
                 f"{len(report.failed)} failed of {report.files} files; "
                 f"nodes {w.nodes_created} created, {w.nodes_merged} merged; "
                 f"relationships {w.relationships_created} created, {w.relationships_merged} merged; "
                 f"{len(report.warnings)} warnings")
    if report.failed:
        sys.exit(1)


@cli.group(context_settings=CONTEXT)
def fetch() -> None:
    """Fetch minutes from a council's publishing system into a folder, ready for `pgraph load`.

    \b
    Example:
      pgraph fetch moderngov https://moderngov.example-council.gov.uk --committee "Health and Wellbeing Board" \\
          --from 2024-01-01 -o minutes/ --load
    """


@fetch.command("moderngov", context_settings=CONTEXT)
@click.argument("base_url")
@click.option("--committee", "committees", multiple=True, metavar="ID|TITLE",
              help="A committee by id, title or part of its title (repeatable; default: every committee).")
@click.option("--from", "date_from", type=click.DateTime(["%Y-%m-%d"]), metavar="YYYY-MM-DD",
              help="First meeting date (default: a year before --to).")
@click.option("--to", "date_to", type=click.DateTime(["%Y-%m-%d"]), metavar="YYYY-MM-DD",
              help="Last meeting date (default: today).")
@click.option("--pdfs", is_flag=True, help="Also download each meeting's minutes PDF; the one holding more text is loaded.")
@click.option("--load", "load_after", is_flag=True, help="Load what is in the folder into the store afterwards.")
@click.option("--delay", type=click.FloatRange(min=0), default=1.0, show_default=True,
              help="Seconds between requests (one request at a time).")
@click.option("--refresh", is_flag=True, help="Fetch every meeting again, even those fetched before and unchanged.")
@click.option("-o", "--output", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder for the documents and their .meta.yaml sidecars.")
@curation_option
@pass_settings
@friendly_errors
def fetch_moderngov(settings: Settings, base_url: str, committees: tuple[str, ...], date_from, date_to,
                    pdfs: bool, load_after: bool, delay: float, refresh: bool, output: Path,
                    curation: Path | None) -> None:
    """Fetch minutes and attendance from a ModernGov site's web service (mgWebService.asmx).

    Writes one document per meeting with minutes (ID_DATE.html, the items' minutes with their numbers
    and titles) and ID_DATE.meta.yaml (body, date, venue, page URL, status, attendees as recorded).
    A second run fetches only new or changed meetings. Exit code 1 when any request failed.

    \b
    Example:
      pgraph fetch moderngov https://moderngov.example-council.gov.uk --committee "Safer Communities" -o minutes/
      pgraph --store ./graphdata fetch moderngov https://moderngov.example-council.gov.uk -o minutes/ --load
    """
    from loaders.moderngov.fetch import fetch_moderngov as run_fetch

    progress = Progress("Fetching  ", settings.quiet)

    def warn(message: str) -> None:
        click.echo(f"\nwarning: {message}" if progress.bar is not None else f"warning: {message}", err=True)

    try:
        report = run_fetch(base_url, output, committees, date_from.date() if date_from else None,
                           date_to.date() if date_to else None, pdfs=pdfs, delay=delay, refresh=refresh,
                           progress=progress, warn=warn)
    finally:
        progress.close()
    settings.say(f"{report.listed} meetings listed: {len(report.written)} written, {len(report.unchanged)} unchanged, "
                 f"{len(report.cached)} fetched before, {len(report.cancelled)} cancelled, "
                 f"{len(report.no_minutes)} without minutes, {len(report.future)} still to come, "
                 f"{len(report.failed)} failed ({report.requests} requests to {report.base}); in {output}")
    if load_after:
        settings.say(f"loading {output}")
        # The whole folder: documents fetched by an earlier run but not loaded are loaded too; those
        # already stored and unchanged are skipped. Exits 1 itself when a document failed.
        click.get_current_context().invoke(load, paths=(output,), force=False, curation=curation)
    if report.failed:
        sys.exit(1)


@cli.command()
# Not exists=True: a missing or unreadable path is one error line, and the others are still read.
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--stage", type=click.Choice(["load", "extract", "resolve"]), default="resolve",
              show_default=True, help="Stop after this stage.")
@click.option("-o", "--output", type=click.File("w"), default="-", help="Output file (default stdout).")
@file_timeout_option
@friendly_errors
def extract(paths: tuple[Path, ...], stage: str, output, file_timeout: float) -> None:
    """Run the reading stages without a store and print their JSON.

    \b
    Example:
      pgraph extract examples/minutes/001_e11e6126daf074eb.txt --stage extract
    """
    from app.pipeline import discover, extract_documents, read_documents

    files, missing = discover(paths)
    errors: list[tuple[str, str]] = list(missing)

    def failed(name: str, message: str) -> None:
        errors.append((name, message))

    docs = read_documents(files, failed, timeout=file_timeout)
    if stage == "load":
        json.dump([{"name": d.name, "sha256": d.sha256, "metadata": d.metadata, "text": d.text}
                   for d in docs], output, indent=1, ensure_ascii=False)
    else:
        from graph.model import PartnershipGraph

        # A document that cannot be extracted is reported; the others are still printed.
        graphs = extract_documents(docs, on_error=failed, resolve=stage == "resolve", timeout=file_timeout)
        merged = PartnershipGraph()
        for g in graphs:
            merged.merge(g)
        json.dump(merged.to_node_link(), output, indent=1, ensure_ascii=False, sort_keys=True)
    output.write("\n")
    for _, message in errors:
        click.echo(f"error: {message}", err=True)
    if errors:
        sys.exit(1)


@cli.command()
@click.option("-f", "--format", "fmt",
              type=click.Choice(["json", "turtle", "jsonld", "ntriples", "graphml", "gexf", "csv"]),
              default="json", show_default=True)
@click.option("-o", "--output", type=click.Path(path_type=Path), default=None,
              help="Output file (default stdout); for csv, the folder that gets nodes.csv and edges.csv.")
@click.option("--base", default="https://example.org/partnership/", show_default=True,
              help="Base IRI for RDF formats.")
@click.option("--public-only", is_flag=True, help="RDF: leave out private individuals (no role or organisation).")
@click.option("--publisher", help="RDF: the dataset's publisher (default: the body that held most meetings).")
@click.option("--issued", metavar="YYYY-MM-DD", callback=lambda ctx, param, value: _iso_option(value, "--issued"),
              help="RDF: the publication date (default: the latest meeting's).")
@pass_settings
@friendly_errors
def export(settings: Settings, fmt: str, output: Path | None, base: str, public_only: bool,
           publisher: str | None, issued: str | None) -> None:
    """Export the whole graph: node-link JSON (the evaluation's format), RDF, GraphML (yEd, Cytoscape),
    GEXF (Gephi) or CSV (nodes.csv and edges.csv for spreadsheets and neo4j-admin database import).

    \b
    Example:
      pgraph --store ./graphdata export --format json -o graph.json
      pgraph --store ./graphdata export --format turtle -o graph.ttl
      pgraph --store ./graphdata export --format gexf -o graph.gexf
      pgraph --store ./graphdata export --format csv -o graph-csv
    """
    if fmt in ("graphml", "gexf", "csv") and output is None:
        raise click.UsageError(f"--format {fmt} needs -o/--output "
                               f"({'a folder for nodes.csv and edges.csv' if fmt == 'csv' else 'a file'})")
    from graph.store.stream import StoredGraph

    if fmt in ("graphml", "gexf", "csv"):
        # Streamed too (graph/table_stream.py): attribute declarations from the stored property names,
        # then each node and relationship written as a slice of the store is read.
        from graph import table_stream

        with settings.open_store() as store:
            graph = StoredGraph(store)
            if fmt == "csv":
                nodes_path, edges_path, nodes, rels = table_stream.stream_csv(graph, output)
                written = f"{nodes_path}, {edges_path}"
            else:
                with _open_out(output) as out:
                    nodes, rels = getattr(table_stream, f"stream_{fmt}")(graph, out)
                written = str(output)
        settings.say(f"wrote {written} ({nodes} nodes, {rels} relationships)")
        return

    # Streamed: the store is read a slice at a time and written as it is read (graph/nodelink.py,
    # graph/rdf_stream.py), so an archive of any size exports in bounded memory.
    if fmt != "json":
        from graph.rdf import normalise_base

        normalise_base(base)      # a bad --base is one line before anything is read
    with settings.open_store() as store, _open_out(output) as out:
        graph = StoredGraph(store)
        if fmt == "json":
            from graph.nodelink import write_node_link

            write_node_link(graph, out)
        else:
            from graph.rdf_stream import write_rdf

            write_rdf(graph, fmt, out, base=base, public_only=public_only, publisher=publisher, issued=issued)
        nodes, rels = graph.node_count(), graph.relationship_count()
    if output:
        settings.say(f"wrote {output} ({nodes} nodes, {rels} relationships)")


@contextlib.contextmanager
def _open_out(output: Path | None):
    """The output file (written beside and renamed into place when complete), or stdout."""
    if output is None:
        yield click.get_text_stream("stdout")
        return
    output.parent.mkdir(parents=True, exist_ok=True)
    partial = output.with_name(f".{output.name}.partial")
    try:
        with open(partial, "w", encoding="utf-8", newline="\n") as out:
            yield out
        os.replace(partial, output)
    finally:
        partial.unlink(missing_ok=True)


def _iso_option(value: str | None, option: str) -> str | None:
    """A date option checked as it is read: a real YYYY-MM-DD, or one line saying so (exit 2)."""
    from loaders.validation import iso_date

    from graph.errors import InvalidInput

    if value is None:
        return None
    try:
        return iso_date(value, option, "date")
    except InvalidInput as exc:
        raise click.BadParameter(str(exc).split(": ", 2)[-1]) from exc


def _write_out(text: str, output: Path | None) -> None:
    if output is None:
        click.echo(text, nl=False)
    else:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(text, encoding="utf-8")


@cli.command()
@click.argument("recipe")
@click.option("-p", "--param", "params", multiple=True, metavar="NAME=VALUE", help="A recipe parameter.")
@click.option("-f", "--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table",
              show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None)
@click.option("--limit", type=click.IntRange(min=1), default=None,
              help="At most this many rows, for recipes that stop at a limit (a line on stderr says when they do).")
@pass_settings
@friendly_errors
def query(settings: Settings, recipe: str, params: tuple[str, ...], fmt: str, output: Path | None,
          limit: int | None) -> None:
    """Run a named Cypher recipe (see `pgraph recipes`).

    \b
    Example:
      pgraph query post-holders -p role="Community Safety Manager" --format table
      pgraph query meetings --limit 1000
    """
    from app.lookup import Names, resolve_params, search_rows
    from graph.errors import BadParameter
    from queries import format_rows, get_recipe

    found = get_recipe(recipe)
    values = found.parse_params(params)
    limited = "limit" in values
    if limit is not None:
        if not limited:
            raise BadParameter(f"recipe {found.name!r} has no limit: it always returns every row")
        values["limit"] = limit
    asked = values.get("limit")
    if limited:
        values["limit"] = asked + 1        # one more than asked: tells whether rows were left out
    with settings.open_store() as store:
        if store_is_empty(store):
            settings.say(EMPTY_STORE)
            rows = []
        else:
            names = Names(store)
            values = resolve_params(names, values, settings.say)
            rows = found.run(store, values)
            if found.name == "search":
                rows = search_rows(names, values["q"], rows)
    if limited and len(rows) > asked:
        rows = rows[:asked]
        settings.say(f"stopped at {asked} rows, the limit of {found.name!r}: there are more "
                     f"(--limit N shows up to N)")
    _write_out(format_rows(rows, found.columns, fmt), output)


EMPTY_STORE = "the store is empty: load minutes into it first (pgraph --store DIR load PATH...)"


def store_is_empty(store: Any) -> bool:
    return not store.run("MATCH (d:Document) RETURN d.name AS name LIMIT 1", read_only=True)


@cli.command()
@click.option("-f", "--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def recipes(fmt: str) -> None:
    """List the Cypher recipes with what they answer and their parameters.

    \b
    Example:
      pgraph recipes --format json
    """
    from queries import list_recipes

    found = list_recipes()
    if fmt == "json":
        click.echo(json.dumps([r.describe() for r in found], indent=1))
        return
    for r in found:
        params = ", ".join(f"{p.name}{'' if p.required else '?'}" for p in r.params) or "-"
        click.echo(f"{r.name:<28} {r.description}\n{'':<28} params: {params}")


@cli.command()
@click.argument("statement")
@click.option("-p", "--param", "params", multiple=True, metavar="NAME=VALUE")
@click.option("-f", "--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table")
@pass_settings
@friendly_errors
def cypher(settings: Settings, statement: str, params: tuple[str, ...], fmt: str) -> None:
    """Run ad-hoc read-only Cypher (for power users).

    \b
    Example:
      pgraph cypher "MATCH (p:Person) RETURN p.name AS name ORDER BY name LIMIT 5"
    """
    from graph.store.guard import check_ad_hoc
    from queries import format_rows, parse_params

    check_ad_hoc(statement)     # before the store opens: nothing refused ever reaches the server
    with settings.open_store() as store:
        rows = store.run(statement, parse_params(params), read_only=True)
        if not rows and store_is_empty(store):
            settings.say(EMPTY_STORE)
    columns = list(rows[0].keys()) if rows else []
    click.echo(format_rows(rows, columns, fmt), nl=False)


@cli.command()
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=Path("partnership.html"),
              show_default=True)
@click.option("--view", type=click.Choice(["people", "organisations"]), default="people", show_default=True)
@click.option("--person", help="Ego network of this person (two hops).")
@click.option("--organisation", help="Only people of this organisation and who they work with.")
@click.option("--from", "year_from", type=int, help="First year shown.")
@click.option("--to", "year_to", type=int, help="Last year shown.")
@click.option("--min-weight", type=int, default=1, show_default=True, help="Hide weaker links.")
@pass_settings
@friendly_errors
def viz(settings: Settings, output: Path, view: str, person: str | None, organisation: str | None,
        year_from: int | None, year_to: int | None, min_weight: int) -> None:
    """Draw who works with whom as a self-contained HTML page that opens offline.

    \b
    Example:
      pgraph viz -o people.html
      pgraph viz --view organisations -o orgs.html --from 2017 --to 2021
    """
    from app.lookup import Names
    from graph.store.stream import StoredGraph
    from viz import READS_FIELDS, READS_TYPES, render

    with settings.open_store() as store:
        names = Names(store)
        # Names as people type them (aliases, abbreviations, part of a name), resolved once for every command.
        person = names.person(person).name if person else None
        organisation = names.organisation(organisation).name if organisation else None
        # Only what the page draws: the people, organisations, posts and meetings, and the
        # relationships between them that show who works with whom, streamed from the store each
        # time the page's index reads them (never all held as relationships beside the network).
        graph = StoredGraph(store, labels=READS_FIELDS, types=READS_TYPES, fields=READS_FIELDS, documents=False)
        path = render(graph, output, view=view, person=person, organisation=organisation,
                      year_from=year_from, year_to=year_to, min_weight=min_weight)
    settings.say(f"wrote {path}")


@cli.command()
@click.argument("documents", nargs=-1, required=True)
@pass_settings
@friendly_errors
def forget(settings: Settings, documents: tuple[str, ...]) -> None:
    """Remove documents from the store: the facts only they state go, the summaries are refreshed.

    DOCUMENT is a file name as loaded (or a path ending in one); `pgraph query meetings` lists them.

    \b
    Example:
      pgraph --store ./graphdata forget 002_1b73c097ab10a907.txt
    """
    from graph.store.forget import forget as forget_documents

    with settings.open_store() as store:
        removed = forget_documents(store, documents)
        counts = store.counts()
    settings.say(f"forgot {len(removed)} document{'s' if len(removed) != 1 else ''} ({', '.join(removed)}); "
                 f"the store holds {counts.get('Document', 0)} documents, {counts.get('Meeting', 0)} meetings")


@cli.command()
@pass_settings
@friendly_errors
def status(settings: Settings) -> None:
    """Say which store is in use, where, and what it holds.

    \b
    Example:
      pgraph --store ./graphdata status
    """
    from graph.errors import StoreInUse

    try:
        with settings.open_store() as store:
            counts = store.counts()
            click.echo(f"store: {store.kind} at {store.location}")
            if not counts:
                click.echo("  the store is empty")
            for key in sorted(counts):
                click.echo(f"  {key:<18} {counts[key]}")
    except StoreInUse as exc:
        # A load (or another command) holds the folder: say so rather than refuse.
        click.echo(f"store: embedded at {(settings.store_dir or default_store_dir()).expanduser().resolve()}")
        click.echo(f"  in use by pgraph process {exc.pid} (a load or another command): "
                   "what it holds is counted once that finishes")


@cli.command()
@click.option("-o", "--output", type=click.Path(file_okay=False, path_type=Path), default=Path("pgraph-demo"),
              show_default=True, help="Folder for the demo's outputs.")
@pass_settings
@friendly_errors
def demo(settings: Settings, output: Path) -> None:
    """Load the bundled sample minutes and write a network page, RDF and JSON.

    Uses OUTPUT/store as the embedded store unless --store or --neo4j is given.

    \b
    Example:
      pgraph demo -o demo-out
    """
    from app.pipeline import load_into

    output.mkdir(parents=True, exist_ok=True)
    if settings.store_dir is None and settings.neo4j is None:
        settings.store_dir = output / "store"
    with settings.open_store() as store:
        settings.say(f"store: {store.kind} at {store.location}")
        report = load_into(store, [EXAMPLES])
        graph = store.read_graph()
    counts = report.counts
    click.echo(f"Loaded {len(report.loaded)} sample minutes ({len(report.unchanged)} already stored) from {EXAMPLES}")
    for label in ("Meeting", "Person", "Organisation", "Role", "AgendaItem", "Action", "Decision", "Strategy"):
        click.echo(f"  {label:<13} {counts.get(label, 0)}")
    outputs = {"json": output / "graph.json"}
    outputs["json"].write_text(json.dumps(graph.to_node_link(), indent=1, ensure_ascii=False, sort_keys=True),
                               encoding="utf-8")
    try:
        from graph.rdf import serialize
    except ImportError:     # the RDF export is optional until it lands
        serialize = None
    if serialize:
        outputs["turtle"] = output / "graph.ttl"
        outputs["turtle"].write_text(serialize(graph, "turtle"), encoding="utf-8")
    from viz import render

    outputs["people page"] = render(graph, output / "people.html", view="people")
    outputs["orgs page"] = render(graph, output / "organisations.html", view="organisations")
    outputs["attendance"] = output / "people-attendance.png"
    for kind, path in outputs.items():
        click.echo(f"  {kind:<13} {path}")
    for line in next_commands(settings):
        click.echo(line)


def next_commands(settings: Settings) -> list[str]:
    """Three commands to try next, against the store the demo wrote."""
    import shlex

    where = f"--store {shlex.quote(str(settings.store_dir))} " if settings.neo4j is None else ""
    store = f"the store at {settings.store_dir}" if settings.neo4j is None else "the Neo4j database"
    return [f"Next, against {store}:",
            f"  pgraph {where}query post-holders -p role=\"Community Safety Manager\"",
            f"  pgraph {where}query organisations-by-year",
            f"  pgraph {where}query person-record -p person=\"Matt Leng\""]


def main() -> None:
    cli(prog_name="pgraph")


if __name__ == "__main__":
    main()
