"""Extraction placeholder: the meeting and its document only."""
from __future__ import annotations

from graph import ids
from graph.model import Document as DocumentNode, Meeting, PartnershipGraph, Rel
from loaders.document import Document


def extract(doc: Document) -> PartnershipGraph:
    g = PartnershipGraph()
    meeting = g.add(Meeting(id=ids.meeting_id(doc.name), name=doc.name, document=doc.name, documents=[doc.name],
                            body=doc.metadata.get("body"), date=doc.metadata.get("date")))
    d = g.add(DocumentNode(id=ids.document_id(doc.name), name=doc.name, sha256=doc.sha256, documents=[doc.name]))
    g.relate(Rel.RECORDED_IN, meeting.id, d.id, doc.name, doc.name)
    return g
