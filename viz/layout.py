"""Visualiser stage 4: node positions computed in Python, so the browser need not simulate physics."""
from __future__ import annotations

import math

import networkx as nx
import numpy as np

# networkx's spring_layout needs scipy from 500 nodes on; scipy is not a dependency, so larger
# graphs use the same Fruchterman-Reingold forces below, vectorised with numpy.
SPRING_LIMIT = 500
BLOCK = 512   # rows of the repulsion matrix computed at once: bounds memory to a few BLOCK x n arrays


def positions(g: nx.Graph, seed: int = 7, iterations: int = 50) -> dict[str, tuple[float, float]]:
    """Screen coordinates for vis-network: linked nodes by force layout, loners in rows beneath.

    Left in the force layout, unlinked nodes are pushed to the rim and shrink everything else.
    """
    loners = sorted(n for n in g if g.degree(n) == 0)
    linked = g.subgraph(n for n in g if g.degree(n) > 0)
    where = _force_positions(linked, seed, iterations)
    bottom = max((y for _, y in where.values()), default=-GAP)
    columns = max(4, math.ceil(math.sqrt(len(loners) * 3)))
    left = -GAP * (min(columns, len(loners)) - 1) / 2
    for i, n in enumerate(loners):
        where[n] = (round(left + GAP * (i % columns), 1), round(bottom + GAP * (1.5 + i // columns), 1))
    return where


GAP = 120.0   # px between the loners' places: room for a short name


def _force_positions(g: nx.Graph, seed: int, iterations: int) -> dict[str, tuple[float, float]]:
    """About 120 px per node across, centred on 0."""
    n = g.number_of_nodes()
    if n == 0:
        return {}
    if n == 1:
        return {next(iter(g)): (0.0, 0.0)}
    # Heavy links pull harder, but logarithmically, so one very strong pair does not collapse.
    weighted = nx.Graph()
    weighted.add_nodes_from(sorted(g))
    weighted.add_edges_from((a, b, {"pull": 1.0 + math.log(w)}) for a, b, w in g.edges(data="weight", default=1))
    if n < SPRING_LIMIT:
        raw = nx.spring_layout(weighted, weight="pull", iterations=iterations, seed=seed)
        coords = np.array([raw[v] for v in weighted], dtype=float)
    else:
        coords = force_layout(weighted, seed=seed, iterations=iterations)
    coords -= coords.mean(axis=0)
    # Screens are wider than tall: turn the drawing so its long axis lies along x.
    _, vectors = np.linalg.eigh(np.cov(coords.T))
    coords = coords @ vectors[:, ::-1]
    extent = float(np.abs(coords).max()) or 1.0
    half = 60.0 * math.sqrt(n) + 150.0
    coords *= half / extent
    return {v: (round(float(x), 1), round(float(y), 1)) for v, (x, y) in zip(weighted, coords)}


def force_layout(g: nx.Graph, seed: int = 7, iterations: int = 50) -> np.ndarray:
    """Fruchterman-Reingold in numpy: dense repulsion in blocks, attraction along the edges."""
    nodes = list(g)
    where = {v: i for i, v in enumerate(nodes)}
    n = len(nodes)
    src = np.fromiter((where[a] for a, _ in g.edges()), dtype=np.intp, count=g.number_of_edges())
    dst = np.fromiter((where[b] for _, b in g.edges()), dtype=np.intp, count=g.number_of_edges())
    pull = np.fromiter((w for _, _, w in g.edges(data="pull", default=1.0)), dtype=np.float32,
                       count=g.number_of_edges())
    rng = np.random.default_rng(seed)
    pos = rng.random((n, 2), dtype=np.float32)
    k = np.float32(math.sqrt(1.0 / n))
    temperature = 0.1
    cooling = temperature / (iterations + 1)
    for _ in range(iterations):
        disp = np.empty((n, 2), dtype=np.float32)
        x, y = pos[:, 0], pos[:, 1]
        for start in range(0, n, BLOCK):
            dx = x[start:start + BLOCK, None] - x[None, :]
            dy = y[start:start + BLOCK, None] - y[None, :]
            scale = dx * dx
            scale += dy * dy
            np.maximum(scale, 1e-6, out=scale)
            np.divide(k * k, scale, out=scale)
            disp[start:start + BLOCK, 0] = np.einsum("ij,ij->i", dx, scale)
            disp[start:start + BLOCK, 1] = np.einsum("ij,ij->i", dy, scale)
        delta = pos[src] - pos[dst]
        dist = np.sqrt(np.einsum("ij,ij->i", delta, delta))
        force = delta * (dist * pull / k)[:, None]
        for axis in (0, 1):
            disp[:, axis] -= np.bincount(src, weights=force[:, axis], minlength=n)
            disp[:, axis] += np.bincount(dst, weights=force[:, axis], minlength=n)
        length = np.sqrt(np.einsum("ij,ij->i", disp, disp))
        np.maximum(length, 1e-9, out=length)
        pos += disp * (np.minimum(length, temperature) / length)[:, None]
        temperature -= cooling
    return pos.astype(float)
