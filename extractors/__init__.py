"""Japanese-aware extractors: pure functions `Document -> list[Fact]`.

Each extractor module exposes `VERSION` (bump it when its output changes, so the build
re-processes documents) and `extract(doc) -> list[...]`.
"""
