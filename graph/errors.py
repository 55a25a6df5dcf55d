"""The project's exceptions; the CLI turns each into a message that says what to try next."""
from __future__ import annotations


class PartnershipGraphError(Exception):
    """Root of every error the project raises on purpose."""

    hint = ""


class UnsupportedFormat(PartnershipGraphError):
    hint = "Supported: .txt, .md, .html, .htm, .pdf (see `pgraph load --help`)."


class ExtractionError(PartnershipGraphError):
    hint = "The file could not be read as minutes; check it opens as text, HTML or PDF."


class InvalidInput(ExtractionError):
    """A file or value the user wrote by hand (curation, sidecar, front matter, a date option) that does
    not fit its schema: the message says where and what is expected, one line per problem."""

    hint = ""


class StoreUnavailable(PartnershipGraphError):
    hint = "Check --store DIR is writable, or that --neo4j URI and NEO4J_USERNAME/NEO4J_PASSWORD are right."


class StoreInUse(StoreUnavailable):
    """Another pgraph process (a load, a query) holds the embedded store's folder."""

    hint = ("Wait for that command to finish (`pgraph status` says which process holds it), "
            "or give this one another --store DIR.")

    def __init__(self, message: str, pid: str = "unknown") -> None:
        super().__init__(message)
        self.pid = pid


class StoreOutdated(PartnershipGraphError):
    """A store written by an earlier version, which kept no reading of its documents to resolve new ones against."""

    hint = ("Load those documents' files again in the same command (`pgraph load` reads them anew), or start "
            "a new store (--store DIR) and load the whole archive into it.")


class RecipeNotFound(PartnershipGraphError):
    hint = "Run `pgraph recipes` to list the recipes."


class BadParameter(PartnershipGraphError):
    hint = "Pass parameters as -p name=value; `pgraph recipes` shows each recipe's parameters."


class QueryError(PartnershipGraphError):
    hint = "Check the Cypher and its -p parameters; `pgraph recipes` lists the recipes and their parameters."


class WriteRefused(QueryError):
    """A statement that writes, given where only reading is allowed (`pgraph cypher`)."""

    hint = ("`pgraph cypher` only reads the graph. Change it through the minutes: `pgraph load` (a changed "
            "file replaces its facts), a curation file (--curation) for names, `pgraph forget` to remove a document.")


class NotFound(PartnershipGraphError):
    """A person or organisation asked for by name matches no node."""

    hint = "Names match the resolved name or any alias, ignoring case; `pgraph query search -p q=...` lists them."


class FetchError(PartnershipGraphError):
    """A request to a publisher's web service failed, or its answer could not be read."""

    hint = "Check the address opens in a browser (the site's base, e.g. https://moderngov.example.gov.uk); " \
           "run again later to fetch what failed."
