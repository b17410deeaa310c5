#!/usr/bin/env python3
"""Time from process start to the first frame that shows the list.

usage: firstframe.py RUNS MARKER CMD...
Runs CMD in a pseudo terminal of 120x40, reads its output until MARKER
appears, records the time, sends q and waits for the exit."""
import fcntl, os, pty, select, statistics, struct, sys, termios, time

runs, marker, cmd = int(sys.argv[1]), sys.argv[2].encode(), sys.argv[3:]
times = []
for _ in range(runs):
    t0 = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        os.environ["TERM"] = "xterm-256color"
        os.execvp(cmd[0], cmd)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    buf = b""
    while marker not in buf:
        r, _, _ = select.select([fd], [], [], 5)
        if not r:
            sys.exit("timeout; output so far: %r" % buf[-400:])
        buf += os.read(fd, 65536)
        # answer a background-colour query (OSC 11) and a cursor position
        # request the way a terminal would
        if b"\x1b]11;?" in buf:
            os.write(fd, b"\x1b]11;rgb:0000/0000/0000\x1b\\")
            buf = buf.replace(b"\x1b]11;?", b"")
        if b"\x1b[6n" in buf:
            os.write(fd, b"\x1b[1;1R")
            buf = buf.replace(b"\x1b[6n", b"")
    times.append((time.perf_counter() - t0) * 1000)
    os.write(fd, b"q")
    try:
        while os.read(fd, 65536):
            pass
    except OSError:
        pass
    os.waitpid(pid, 0)
times.sort()
print("runs %d  min %.1f ms  median %.1f ms  p90 %.1f ms  max %.1f ms" % (
    len(times), times[0], statistics.median(times), times[int(len(times) * 0.9) - 1], times[-1]))
