"""The Neo4j store: the same statements as the embedded one, over the official driver."""
from __future__ import annotations

import os
from typing import Any

from graph.errors import QueryError, StoreUnavailable, WriteRefused
from graph.store.base import CypherStore
from graph.store.statements import EXTRACTION, EXTRACTION_INDEXED, INDEXED, REL_INDEXED, SIGHTING, SIGHTING_INDEXED, Step

MIN_MAJOR = 5   # `CREATE CONSTRAINT ... REQUIRE` and the recipes' openCypher need Neo4j 5


def schema_statements() -> list[str]:
    # Neo4j's DDL (IF NOT EXISTS, REQUIRE) differs from FalkorDB's, so it lives here: a
    # uniqueness constraint (which brings an index) on every id, plain indexes for the rest.
    # No LIST_INDEXED: Neo4j's indexes cannot answer `$x IN n.list`, so those lookups scan.
    out = []
    for label, prop in INDEXED:
        name = f"pgraph_{label.value.lower()}_{prop}"
        if prop == "id":
            out.append(f"CREATE CONSTRAINT {name} IF NOT EXISTS FOR (n:{label.value}) REQUIRE n.id IS UNIQUE")
        else:
            out.append(f"CREATE INDEX {name} IF NOT EXISTS FOR (n:{label.value}) ON (n.{prop})")
    for prop in SIGHTING_INDEXED:
        name = f"pgraph_{SIGHTING.lower()}_{prop}"
        out.append(f"CREATE CONSTRAINT {name} IF NOT EXISTS FOR (n:{SIGHTING}) REQUIRE n.key IS UNIQUE"
                   if prop == "key" else f"CREATE INDEX {name} IF NOT EXISTS FOR (n:{SIGHTING}) ON (n.{prop})")
    for prop in EXTRACTION_INDEXED:
        name = f"pgraph_{EXTRACTION.lower()}_{prop}"
        out.append(f"CREATE CONSTRAINT {name} IF NOT EXISTS FOR (n:{EXTRACTION}) REQUIRE n.{prop} IS UNIQUE")
    for kind, prop in REL_INDEXED:
        out.append(f"CREATE INDEX pgraph_{kind.lower()}_{prop} IF NOT EXISTS FOR ()-[r:{kind}]-() ON (r.{prop})")
    return out


def plain(value: Any) -> Any:
    """Driver values as plain Python: nodes and relationships become properties, paths node ids."""
    from neo4j.graph import Node, Path, Relationship

    if isinstance(value, Node):
        return dict(value)
    if isinstance(value, Relationship):
        return {"type": value.type, **dict(value)}
    if isinstance(value, Path):
        return [n.get("id") for n in value.nodes]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    if hasattr(value, "iso_format"):      # neo4j.time values, should a user query make one
        return value.iso_format()
    return value


class Neo4jStore(CypherStore):
    """A Neo4j 5 server; credentials from NEO4J_USERNAME / NEO4J_PASSWORD, never stored."""

    kind = "neo4j"

    def __init__(self, uri: str, username: str | None = None, password: str | None = None,
                 database: str | None = None) -> None:
        self.uri = uri
        self.location = uri
        self.username = username or os.environ.get("NEO4J_USERNAME", "neo4j")
        self._password = password if password is not None else os.environ.get("NEO4J_PASSWORD", "")
        self.database = database or os.environ.get("NEO4J_DATABASE") or None
        if self.database:
            self.location = f"{uri} (database {self.database})"
        self._driver: Any = None

    def __enter__(self) -> Neo4jStore:
        from neo4j import GraphDatabase
        from neo4j.exceptions import AuthError, ServiceUnavailable

        try:
            self._driver = GraphDatabase.driver(self.uri, auth=(self.username, self._password))
            self._driver.verify_connectivity()
            info = self._driver.get_server_info()
        except AuthError as exc:
            self.close()
            raise StoreUnavailable(f"Neo4j at {self.uri} refused user {self.username!r}: check "
                                   "NEO4J_USERNAME and NEO4J_PASSWORD") from exc
        except (ServiceUnavailable, OSError) as exc:
            self.close()
            raise StoreUnavailable(f"cannot reach Neo4j at {self.uri}: {exc}") from exc
        except Exception as exc:  # noqa: BLE001 - bad URI scheme, TLS, routing: all "unavailable"
            self.close()
            raise StoreUnavailable(f"cannot connect to Neo4j at {self.uri}: {exc}") from exc
        version = (info.agent or "").partition("/")[2]
        major = int(version.split(".")[0]) if version.split(".")[0].isdigit() else 0
        if major < MIN_MAJOR:
            self.close()
            raise StoreUnavailable(f"Neo4j at {self.uri} is {info.agent}; Neo4j {MIN_MAJOR} or later is needed")
        # Schema statements cannot share a transaction with data: each runs on its own.
        with self._session(read_only=False) as session:
            for statement in schema_statements():
                session.run(statement).consume()
        self.migrate_documents_lists()
        return self

    def __exit__(self, exc_type: Any, exc: BaseException | None, tb: Any) -> None:
        from neo4j.exceptions import ServiceUnavailable, SessionExpired

        self.close()
        if isinstance(exc, (ServiceUnavailable, SessionExpired, ConnectionError)):
            raise StoreUnavailable(f"the Neo4j server at {self.uri} went away while in use ({exc}); "
                                   "documents written before it did are kept: run the command again") from exc

    def close(self) -> None:
        if self._driver is not None:
            self._driver.close()
            self._driver = None

    def _session(self, read_only: bool) -> Any:
        from neo4j import READ_ACCESS, WRITE_ACCESS

        if self._driver is None:
            raise StoreUnavailable("the Neo4j store is not open (use it in a `with` block)")
        return self._driver.session(database=self.database,
                                    default_access_mode=READ_ACCESS if read_only else WRITE_ACCESS)

    def run(self, cypher: str, params: dict[str, Any] | None = None,
            read_only: bool = False) -> list[dict[str, Any]]:
        from neo4j.exceptions import ClientError

        def work(tx: Any) -> list[dict[str, Any]]:
            result = tx.run(cypher, params or {})
            return [{k: plain(v) for k, v in record.items()} for record in result]

        try:
            with self._session(read_only) as session:
                if read_only:
                    # A read transaction: the server refuses any write in it.
                    return session.execute_read(work)
                return session.execute_write(work)
        except ClientError as exc:
            said = f"{exc.code or ''} {exc.message or ''}".lower()
            if read_only and ("accessmode" in said or "writ" in said):     # Neo.ClientError.Statement.AccessMode
                raise WriteRefused("this statement writes to the graph, and only reading is allowed here") from exc
            raise QueryError(f"Neo4j refused the query: {exc.message}") from exc

    def _execute(self, steps: list[Step]) -> tuple[int, int]:
        from neo4j.exceptions import ClientError

        def work(tx: Any) -> tuple[int, int]:
            nodes = rels = 0
            for step in steps:
                counters = tx.run(step.cypher, step.params).consume().counters
                if step.kind:           # the model's nodes and relationships, not sightings
                    nodes += counters.nodes_created
                    rels += counters.relationships_created
            return nodes, rels

        # One document, one transaction: Neo4j rolls all of it back on any error or crash.
        try:
            with self._session(read_only=False) as session:
                return session.execute_write(work)
        except ClientError as exc:
            raise QueryError(f"Neo4j refused the write (nothing was written): {exc.message}") from exc
