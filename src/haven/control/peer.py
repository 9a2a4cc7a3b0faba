"""Who is on the other end of a Unix socket: the kernel's word, not the peer's.

The socket's folder (0700) and mode (0600) already keep other users out; this is a second
check that does not depend on file permissions (a folder chmod-ed by mistake, a socket
passed on). Linux has SO_PEERCRED, macOS LOCAL_PEERCRED; elsewhere it returns None and the
permissions are the only check (docs/THREAT_MODEL.md).
"""

from __future__ import annotations

import os
import socket
import struct
import sys

_UCRED = struct.Struct("3i")  # pid, uid, gid
_SOL_LOCAL, _LOCAL_PEERCRED, _XUCRED_SIZE = 0, 1, 76  # macOS <sys/un.h>, struct xucred


def peer_uid(sock: socket.socket) -> int | None:
    """The user id of the process at the other end; None where the OS has no way to say.
    OSError where it has one and it failed."""
    if hasattr(socket, "SO_PEERCRED"):
        data = sock.getsockopt(socket.SOL_SOCKET, socket.SO_PEERCRED, _UCRED.size)
        return int(_UCRED.unpack(data)[1])
    if sys.platform == "darwin":
        data = sock.getsockopt(_SOL_LOCAL, _LOCAL_PEERCRED, _XUCRED_SIZE)
        return int(struct.unpack_from("=II", data)[1])  # cr_version, cr_uid
    return None


def same_user(sock: socket.socket) -> bool:
    """True when the peer runs as this user (or the OS cannot tell: then the socket's
    permissions decide alone); False when it is another user or the check failed."""
    try:
        uid = peer_uid(sock)
    except OSError:
        return False
    return uid is None or uid == os.getuid()
