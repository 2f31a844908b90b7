"""`python -m pipeline` is the `koubo` command."""
import sys

from pipeline.cli import main

sys.exit(main())
