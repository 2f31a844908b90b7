"""The suite's network guard is on: a connection to anything but 127.0.0.1 / localhost /
::1 fails before a packet is sent. 0.0.0.0 is used as the forbidden address because, if
the guard were ever off, Linux would route it to this machine and nothing would leave it."""
from __future__ import annotations

import socket

import pytest
from pytest_socket import SocketConnectBlockedError


@pytest.mark.filterwarnings("ignore:A test tried to use socket:UserWarning")
def test_connections_to_other_addresses_are_refused():
    with pytest.raises(SocketConnectBlockedError):
        socket.create_connection(("0.0.0.0", 9), timeout=1)


def test_loopback_is_allowed():
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(1)
        with socket.create_connection(server.getsockname(), timeout=1):
            pass
