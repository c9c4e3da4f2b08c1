"""A loopback TCP proxy that cuts connections at random points, for sync fault tests."""

import contextlib
import random
import socket
import threading
from dataclasses import dataclass, field


@dataclass
class FlakyProxy:
    """Forwards 127.0.0.1:port to the upstream port; cuts some connections mid-stream.

    Each new connection is cut with probability ``cut_probability``: after a random number
    of bytes (0 to ``max_bytes``) in a random direction, both sockets are closed — before
    a request reaches the hub, in the middle of it, or after the hub answered but before
    the answer arrives.
    """

    upstream_port: int
    seed: int = 0
    cut_probability: float = 0.3
    max_bytes: int = 30_000
    directions: tuple[str, ...] = ("up", "down")
    cuts: int = 0
    bytes_up: int = 0
    connections: int = 0
    _listener: socket.socket = field(init=False)
    _threads: list[threading.Thread] = field(default_factory=list, init=False)
    _stopping: threading.Event = field(default_factory=threading.Event, init=False)

    def __post_init__(self) -> None:
        self._rng = random.Random(self.seed)
        self._lock = threading.Lock()
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.settimeout(0.2)
        self.port = self._listener.getsockname()[1]
        thread = threading.Thread(target=self._accept, daemon=True)
        thread.start()
        self._threads.append(thread)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def close(self) -> None:
        self._stopping.set()
        self._listener.close()

    def _accept(self) -> None:
        while not self._stopping.is_set():
            try:
                client, _ = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            upstream = socket.create_connection(("127.0.0.1", self.upstream_port))
            with self._lock:
                self.connections += 1
                cut = self._rng.random() < self.cut_probability
                direction = self._rng.choice(self.directions)
                at = self._rng.randint(0, self.max_bytes)
                if cut:
                    self.cuts += 1
            limits = {"up": at if cut and direction == "up" else None}
            limits["down"] = at if cut and direction == "down" else None
            pair = (client, upstream)
            for name, source, target in (("up", client, upstream), ("down", upstream, client)):
                thread = threading.Thread(
                    target=self._pump,
                    args=(source, target, limits[name], pair, name == "up"),
                    daemon=True,
                )
                thread.start()

    def _count(self, upward: bool, size: int) -> None:
        if upward:
            with self._lock:
                self.bytes_up += size

    def _pump(
        self,
        source: socket.socket,
        target: socket.socket,
        limit: int | None,
        pair: tuple[socket.socket, socket.socket],
        upward: bool,
    ) -> None:
        sent = 0
        try:
            while True:
                data = source.recv(65536)
                if not data:
                    break
                if limit is not None and sent + len(data) > limit:
                    data = data[: max(0, limit - sent)]
                    target.sendall(data)
                    self._count(upward, len(data))
                    break
                target.sendall(data)
                self._count(upward, len(data))
                sent += len(data)
        except OSError:
            pass
        for sock in pair:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
            sock.close()
