"""Entity resolution across documents (placeholder: identity until the resolver lands)."""
from __future__ import annotations

from graph.model import PartnershipGraph


def resolve(graphs: list[PartnershipGraph], known: PartnershipGraph | None = None) -> list[PartnershipGraph]:
    return graphs
