"""Shared test configuration. The socket guard (pytest-socket, set in pyproject.toml)
refuses every address but 127.0.0.1 / localhost / ::1."""
