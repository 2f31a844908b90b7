"""The `koubo` command: thin wrappers over functions a notebook can call too.

    koubo crawl      fetch the configured sources into the corpus
    koubo import     add captures from WARC files to the corpus
    koubo build      extract everything in the corpus into the database
    koubo refresh    crawl, then build
    koubo serve      Datasette on 127.0.0.1 with the project's metadata and plugins
"""
from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from pipeline.build import DEFAULT_CORPUS, DEFAULT_DB

DEFAULT_SOURCES = Path("corpus/sources.toml")


def _progress(message: str) -> None:
    print(f"  {message}", file=sys.stderr, flush=True)


def _counter():
    """A progress callback that numbers each document: '[3] https://… (extracted)'."""
    count = 0

    def report(message: str) -> None:
        nonlocal count
        count += 1
        print(f"  [{count}] {message}", file=sys.stderr, flush=True)

    return report


def _parse_mirrors(values: list[str]) -> dict[str, str]:
    mirrors = {}
    for value in values:
        original, sep, mirror = value.partition("=")
        if not sep:
            raise SystemExit(f"--mirror wants ORIGINAL=MIRROR, got {value!r}")
        mirrors[original.rstrip("/")] = mirror.rstrip("/")
    return mirrors


def cmd_crawl(args: argparse.Namespace) -> int:
    from pipeline.crawl import crawl
    from pipeline.sources import load_sources

    sources = load_sources(args.sources)
    report = crawl(sources, args.corpus, mirror=_parse_mirrors(args.mirror) or None, progress=_progress,
                   reconstructed=args.reconstructed, max_pages=args.max_pages)
    for line in report.lines():
        print(line)
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from pipeline.corpus import import_warc

    added = import_warc([Path(p) for p in args.files], args.corpus)
    print(f"imported {added} captures into {args.corpus}")
    return 0


def cmd_build(args: argparse.Namespace) -> int:
    from pipeline.build import build

    report = build(args.corpus, args.db, progress=_counter(), use_cache=not getattr(args, "no_cache", False))
    print(report.summary())
    return 0


def cmd_refresh(args: argparse.Namespace) -> int:
    cmd_crawl(args)
    return cmd_build(args)


def cmd_serve(args: argparse.Namespace) -> int:
    from pipeline.serve import serve

    if not Path(args.db).exists():
        print(f"no database at {args.db}: run `koubo build` (or `make serve`) first", file=sys.stderr)
        return 1
    serve(args.db, port=args.port, open_browser=args.open)
    return 0


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="koubo", description=__doc__,
                                  formatter_class=argparse.RawDescriptionHelpFormatter)
    top.add_argument("-v", "--verbose", action="store_true", help="log debug messages")
    sub = top.add_subparsers(dest="command", required=True)

    def add_crawl_options(p: argparse.ArgumentParser) -> None:
        p.add_argument("--sources", type=Path, default=DEFAULT_SOURCES, help="sources file (default: %(default)s)")
        p.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="corpus folder (default: %(default)s)")
        p.add_argument("--mirror", action="append", default=[], metavar="ORIGINAL=MIRROR",
                       help="fetch ORIGINAL's addresses from MIRROR (e.g. a local server) but record "
                            "the original addresses; repeatable")
        p.add_argument("--reconstructed", action="store_true",
                       help="mark the captures as reconstructed (not live)")
        p.add_argument("--max-pages", type=int, default=None, help="stop after this many fetches")

    def add_build_options(p: argparse.ArgumentParser, with_corpus: bool = True) -> None:
        if with_corpus:
            p.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS,
                           help="read every *.warc.gz / *.warc under this folder (default: %(default)s)")
        p.add_argument("--db", type=Path, default=DEFAULT_DB, help="database path (default: %(default)s)")

    p = sub.add_parser("crawl", help="fetch the configured sources into the corpus (polite, conditional, resumable)")
    add_crawl_options(p)
    p.set_defaults(func=cmd_crawl)

    p = sub.add_parser("import", help="add captures from WARC files to the corpus")
    p.add_argument("files", nargs="+", help="WARC files (.warc.gz or .warc)")
    p.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="corpus folder (default: %(default)s)")
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("build", help="extract everything in the corpus into the database")
    add_build_options(p)
    p.add_argument("--no-cache", action="store_true",
                   help="decode and extract every document again instead of reusing unchanged ones")
    p.set_defaults(func=cmd_build)

    p = sub.add_parser("refresh", help="crawl, then build")
    add_crawl_options(p)
    add_build_options(p, with_corpus=False)
    p.set_defaults(func=cmd_refresh)

    p = sub.add_parser("serve", help="Datasette on 127.0.0.1 with the project's metadata and plugins")
    add_build_options(p, with_corpus=False)
    p.add_argument("--port", type=int, default=8001, help="port on 127.0.0.1 (default: %(default)s)")
    p.add_argument("--open", action="store_true", help="open the site in a browser")
    p.set_defaults(func=cmd_serve)
    return top


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
