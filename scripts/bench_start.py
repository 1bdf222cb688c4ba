"""The driver of scripts/bench-start, run inside its Xvfb display and D-Bus session.

Usage: bench_start.py RELEASE_DIR WORK_DIR ROUNDS

Starts `ringcentral-sim` with a 50 000-record call log, signs `ringdesk` in with the simulator's
JWT (the session goes to the session's gnome-keyring) and fills the cache with `ringdesk sync`.
Then ROUNDS + 1 cold starts of the window (the first warms the disk cache): wall clock from
spawning `ringdesk` to the window's "the window takes links" log line; the window is ended
after each. The last one stays up 60 s, and its process tree's memory is read.
"""

import json
import os
import re
import signal
import statistics
import subprocess
import sys
import time
from datetime import datetime

ANSI = re.compile(r"\x1b\[[0-9;]*m")
RECORDS = 50_000
IDLE_SECONDS = int(os.environ.get("BENCH_IDLE_SECONDS", "60"))


def log_lines(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        return [ANSI.sub("", line) for line in f]


def wait_for(what, check, patience=60.0):
    deadline = time.monotonic() + patience
    while time.monotonic() < deadline:
        found = check()
        if found:
            return found
        time.sleep(0.005)
    sys.exit(f"bench: timed out waiting for {what}")


def stamp(line):
    """The wall-clock time (seconds) at the start of a tracing log line."""
    return datetime.fromisoformat(line.split()[0].replace("Z", "+00:00")).timestamp()


def summary(name, values_ms):
    values = sorted(values_ms)
    p = lambda q: values[min(len(values) - 1, int(q * len(values)))]
    return (f"{name}: p50 {statistics.median(values):.0f} ms, p90 {p(0.9):.0f} ms, "
            f"min {values[0]:.0f} ms, max {values[-1]:.0f} ms, n={len(values)}")


def children(pid):
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(entry))
    return found


def tree(pid):
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo.extend(children(p))
    return out


def memory(pid):
    """(name, PSS KiB, RSS KiB) of the process."""
    with open(f"/proc/{pid}/comm") as f:
        name = f.read().strip()
    values = {}
    with open(f"/proc/{pid}/smaps_rollup") as f:
        for line in f:
            parts = line.split()
            if len(parts) >= 2 and parts[0] in ("Pss:", "Rss:"):
                values[parts[0][:-1]] = int(parts[1])
    return name, values.get("Pss", 0), values.get("Rss", 0)


def where(pid, top=8):
    """The mappings holding most of the process's PSS (anonymous memory as [anon])."""
    totals, current = {}, None
    with open(f"/proc/{pid}/smaps") as f:
        for line in f:
            parts = line.split()
            if parts and "-" in parts[0] and len(parts) >= 5 and ":" in parts[3]:
                current = parts[5] if len(parts) >= 6 else "[anon]"
                current = os.path.basename(current) if current.startswith("/") else current
            elif parts and parts[0] == "Pss:":
                totals[current] = totals.get(current, 0) + int(parts[1])
    best = sorted(totals.items(), key=lambda kv: -kv[1])[:top]
    return ", ".join(f"{name} {kib / 1024:.1f}" for name, kib in best)


def main(release, work, rounds):
    sim = subprocess.Popen(
        # Rate limits far out of reach (as the cache benchmark sets them): ringdesk paces itself
        # to the limits the server announces, and RingCentral's own Heavy group (10 call-log
        # pages a minute) would make filling the cache take five minutes.
        [f"{release}/ringcentral-sim", "--call-log", str(RECORDS), "--timing", "fast",
         "--limit-heavy", "100000", "--limit-medium", "100000", "--limit-light", "100000",
         "--limit-auth", "1000"],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        credentials = json.loads(sim.stdout.readline())
        env = dict(os.environ,
                   RINGDESK_CONFIG_DIR=f"{work}/config", RINGDESK_DATA_DIR=f"{work}/data",
                   RINGCENTRAL_SERVER_URL=credentials["server_url"],
                   RINGCENTRAL_CLIENT_ID=credentials["client_id"],
                   RINGCENTRAL_CLIENT_SECRET=credentials["client_secret"],
                   RINGDESK_LOG="warn,ringdesk_app::links=info")
        ringdesk = f"{release}/ringdesk"
        subprocess.run([ringdesk, "login", "--jwt", credentials["jwt"]], env=env, check=True,
                       stdout=subprocess.DEVNULL)
        synced = time.monotonic()
        said = subprocess.run([ringdesk, "sync"], env=env, check=True, capture_output=True,
                              text=True).stdout
        cache = next((l for l in said.splitlines() if l.startswith("Cache:")), said.strip())
        print(f"cache filled by `ringdesk sync` in {time.monotonic() - synced:.1f} s — {cache}")

        start_ms = []
        for i in range(rounds + 1):
            log = f"{work}/window-{i}.log"
            started = time.time()
            window = subprocess.Popen([ringdesk], env=env, stdout=subprocess.DEVNULL,
                                      stderr=open(log, "w"))
            line = wait_for("the window's first frame",
                            lambda: next((l for l in log_lines(log) if "the window takes links" in l), None))
            if i:
                start_ms.append((stamp(line) - started) * 1000)
            if i < rounds:
                window.send_signal(signal.SIGTERM)
                window.wait(timeout=20)
                time.sleep(0.5)
        print(summary("cold start: `ringdesk` → window ready (dial view drawn)", start_ms))

        time.sleep(IDLE_SECONDS)
        total_pss = total_rss = 0
        print(f"idle memory after {IDLE_SECONDS} s, signed in, {RECORDS} call-log records cached:")
        for pid in tree(window.pid):
            try:
                name, pss, rss = memory(pid)
            except OSError:
                continue
            total_pss += pss
            total_rss += rss
            print(f"  {name:<18} pid {pid:>7}: PSS {pss / 1024:6.1f} MiB, RSS {rss / 1024:6.1f} MiB")
            print(f"      most (MiB): {where(pid)}")
        print(f"  {'process tree':<18} {'':>11}: PSS {total_pss / 1024:6.1f} MiB, RSS {total_rss / 1024:6.1f} MiB")
        window.send_signal(signal.SIGTERM)
        window.wait(timeout=20)
    finally:
        sim.terminate()
        sim.wait(timeout=10)

    print("sizes:")
    for name in ("ringdesk", "ringdesk-window"):
        print(f"  {name:<18} {os.path.getsize(f'{release}/{name}') / 1e6:6.1f} MB")
    debs = sorted(f for f in os.listdir(f"{release}/bundle/deb") if f.endswith(".deb")) \
        if os.path.isdir(f"{release}/bundle/deb") else []
    for deb in debs:
        path = f"{release}/bundle/deb/{deb}"
        installed = subprocess.run(["dpkg-deb", "--field", path, "Installed-Size"],
                                   capture_output=True, text=True).stdout.strip()
        print(f"  {deb:<18} {os.path.getsize(path) / 1e6:6.1f} MB, installed {int(installed) / 1024:.1f} MiB")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]))
