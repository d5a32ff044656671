/*
 * viewer.js -- step through a minish trace: the processes, their
 * descriptor tables and the pipes between them, one event at a time.
 *
 * The events are the JSON Lines of docs/trace-format.md, embedded in the
 * page (<script id="minish-trace">).  This file replays them the way the
 * kernel would have changed its tables:
 *
 *   fork      the child gets a COPY of the parent's descriptor table
 *   pipe      two new descriptors: a read end and a write end
 *   dup2 a,b  b now points where a points (and b is not close-on-exec)
 *   close     the descriptor is gone
 *   execve    a new program in the same process; close-on-exec fds go
 *   waitpid   the parent collects a child that ended: it is reaped
 *
 * Plain JavaScript, no library: read it from top to bottom.  The page
 * works from disk; nothing is fetched.
 */
"use strict";
(function () {

  /* ==== Reading the data ==== */

  const started = performance.now();
  const meta = JSON.parse(document.getElementById("minish-meta").textContent || "{}");
  const events = [];
  const errors = [];

  function reportError(text) {
    errors.push(text);
    document.getElementById("errors").textContent = errors.join("\n");
  }
  window.addEventListener("error", function (e) { reportError("script error: " + e.message); });

  document.getElementById("minish-trace").textContent.split("\n").forEach(function (line, i) {
    if (line.trim() === "")
      return;
    try {
      events.push(JSON.parse(line));
    } catch (e) {
      reportError("trace line " + (i + 1) + ": " + e.message);
    }
  });

  /* ==== The model: what the kernel's tables hold after each event ==== */

  const shellPid = meta.shell != null ? meta.shell : (events.length ? events[0].pid : 0);

  /* The shell's table before the first event: from the page's meta data
   * when minish recorded it live, else the usual three on a terminal. */
  function startFds() {
    const fds = {};
    if (Array.isArray(meta.fds)) {
      meta.fds.forEach(function (d) {
        fds[d.fd] = { kind: d.kind === "tty" ? "tty" : d.kind === "file" ? "file" : "other",
                      text: d.text, cloexec: !!d.cloexec };
      });
    } else {
      [0, 1, 2].forEach(function (fd) { fds[fd] = { kind: "tty", text: "terminal", cloexec: false }; });
    }
    return fds;
  }

  function newProc(pid, ppid, fds, st) {
    const parent = st.procs[ppid];
    const p = {
      pid: pid, ppid: ppid, fds: fds,
      program: pid === shellPid ? "minish" : "minish (copy)",
      label: pid === shellPid ? "the shell" : "",
      pgid: parent ? parent.pgid : null,   /* a child starts in its parent's group */
      state: "running", status: "", before: null, seq: st.seq++
    };
    st.procs[pid] = p;
    return p;
  }

  function copyFds(fds) {
    const c = {};
    Object.keys(fds).forEach(function (fd) { c[fd] = Object.assign({}, fds[fd]); });
    return c;
  }

  /* PID, created if the trace had not shown it yet.  A child's first
   * event may come before its parent's "fork() = PID": the child writes
   * first.  Either way the parent's table has not changed since the fork. */
  function proc(st, pid, ppid) {
    if (st.procs[pid])
      return st.procs[pid];
    const parent = st.procs[ppid];
    return newProc(pid, ppid, parent ? copyFds(parent.fds) : startFds(), st);
  }

  /* The first text in 'quotes' in S ("run stage 'ls /'" -> "ls /"). */
  function quoted(s) {
    const m = /'([^']+)'/.exec(s || "");
    return m ? m[1] : "";
  }

  /* ["ls", "/"] out of "\"/usr/bin/ls\", [\"ls\", \"/\"]". */
  function argvOf(args) {
    const open = args.indexOf("["), close = args.lastIndexOf("]");
    const re = /"((?:[^"\\]|\\.)*)"/g;
    const argv = [];
    let m;
    if (open < 0 || close < open) {            /* execve("/usr/bin/ls"): a path only */
      m = re.exec(args);
      return m ? [m[1].replace(/.*\//, "")] : [];
    }
    const inner = args.slice(open + 1, close);
    while ((m = re.exec(inner)) !== null)
      argv.push(m[1]);
    return argv;
  }

  function numbers(s) {
    return (String(s || "").match(/-?\d+/g) || []).map(Number);
  }

  function pipeFd(id, end) {
    return { kind: "pipe", pipe: id, end: end, cloexec: true };
  }

  /* PID's children, oldest first.  A child is always younger than its
   * parent, which also keeps a strange trace from making a cycle. */
  function childrenOf(st, pid) {
    const parent = st.procs[pid];
    return Object.keys(st.procs).map(function (k) { return st.procs[k]; })
      .filter(function (p) { return p.ppid === pid && parent && p.seq > parent.seq; })
      .sort(function (a, b) { return a.seq - b.seq; });
  }

  /* Processes already reaped leave the picture when a new one is born. */
  function dropReaped(st) {
    Object.keys(st.procs).forEach(function (k) {
      if (st.procs[k].state === "reaped")
        delete st.procs[k];
    });
  }

  function born(st, pid, ppid, why, focus) {
    if (!st.procs[pid])
      dropReaped(st);
    const c = proc(st, pid, ppid);
    if (!c.label)
      c.label = why || "";
    c.stage = quoted(why);
    focus.born = pid;
    return c;
  }

  function exec(p, argv, focus) {
    p.before = { program: p.program, label: p.label, fds: copyFds(p.fds) };
    Object.keys(p.fds).forEach(function (fd) {
      if (p.fds[fd].cloexec) {
        delete p.fds[fd];
        focus.fds.push(Number(fd));
      }
    });
    p.program = argv.join(" ") || "?";
    p.label = "after execve";
  }

  /* One descriptor call of P. */
  function applyFd(st, p, ev, focus) {
    const n = numbers(ev.args);
    const ok = ev.result !== null && ev.result >= 0;
    /* pipe2([3, 4], O_CLOEXEC) = 0; an older trace: pipe() = [3, 4] */
    const ends = ev.call === "pipe2" ? n.slice(0, 2) : numbers(ev.detail);
    if ((ev.call === "pipe" || ev.call === "pipe2") && ok && ends.length === 2) {
      const id = ++st.npipes;
      st.pipes[id] = { id: id, maker: p.pid, slot: childrenOf(st, p.pid).length, r: ends[0], w: ends[1] };
      p.fds[ends[0]] = pipeFd(id, "r");
      p.fds[ends[1]] = pipeFd(id, "w");
      focus.fds.push(ends[0], ends[1]);
    } else if (ev.call === "dup2" && ok && n.length >= 2) {
      const from = p.fds[n[0]] || { kind: "other", text: "fd " + n[0] + " (not seen)" };
      p.fds[n[1]] = Object.assign({}, from, { cloexec: false });
      focus.fds.push(n[1]);
    } else if (ev.call === "close" && ok && n.length >= 1) {
      delete p.fds[n[0]];
      focus.fds.push(n[0]);
    } else if (ev.call === "open" && ok) {
      const path = (/"((?:[^"\\]|\\.)*)"/.exec(ev.args) || [, "?"])[1];
      const tty = path === "/dev/tty";
      p.fds[ev.result] = { kind: tty ? "tty" : "file", text: tty ? "terminal /dev/tty" : path,
                           cloexec: true };   /* minish opens everything O_CLOEXEC */
      focus.fds.push(ev.result);
    } else if (ev.call === "fcntl" && ok && /F_DUPFD/.test(ev.args)) {
      const from = p.fds[n[0]] || { kind: "other", text: "fd " + n[0] + " (not seen)" };
      p.fds[ev.result] = Object.assign({}, from, { cloexec: /CLOEXEC/.test(ev.args) });
      focus.fds.push(ev.result);
    } else if (ev.call === "fcntl" && ok && /F_SETFD/.test(ev.args) && p.fds[n[0]]) {
      p.fds[n[0]].cloexec = /FD_CLOEXEC/.test(ev.args);
      focus.fds.push(n[0]);
    }
  }

  /* A wait status in words: the state the child is in now. */
  function waited(st, ev, focus) {
    const c = st.procs[ev.result];
    if (!c)
      return;
    const d = (ev.detail || "").replace(/\s*\[wstatus.*\]/, "");
    if (/^stopped/.test(d) || /^continued/.test(d)) {
      c.state = /^stopped/.test(d) ? "stopped" : "running";
      c.status = /^stopped/.test(d) ? d : "";
    } else {
      ended(c, "reaped", d);    /* exit closed its descriptors long before the wait */
    }
    focus.other = c.pid;
  }

  /* One function per call that changes more than a descriptor table.  Each
   * gets the state, the process P the call is about, the event, and FOCUS
   * to note what changed (the picture highlights it). */
  const calls = {
    fork: function (st, p, ev, focus) {
      if (ev.result > 0)
        born(st, ev.result, ev.pid, ev.reason, focus);
    },
    vfork: spawned,
    posix_spawn: spawned,
    clone3: spawned,
    execve: function (st, p, ev, focus) {
      if (ev.result === null || ev.result === 0) {
        exec(p, argvOf(ev.args || ""), focus);
      } else if (ev.result < 0 && p.before) {
        Object.assign(p, p.before);           /* the exec failed: still the shell's copy */
        p.before = null;
        if (focus.inChild)                    /* sys.c reaps a failed spawn at once */
          ended(p, "reaped", "exited 127");
      }
    },
    waitpid: function (st, p, ev, focus) {
      if (ev.result > 0)
        waited(st, ev, focus);
    },
    wait4: function (st, p, ev, focus) {      /* what waitpid asks the kernel */
      if (ev.result > 0)
        waited(st, ev, focus);
    },
    exit: function (st, p, ev) {              /* seen by the shell with waitid(WNOWAIT) */
      ended(p, "zombie", ev.detail || "");
    },
    setpgid: function (st, p, ev, focus) {
      const n = numbers(ev.args);
      const who = ev.result === 0 ? st.procs[n[0] === 0 ? p.pid : n[0]] : null;
      if (who) {
        who.pgid = n[1] === 0 ? who.pid : n[1];
        focus.other = who.pid;
      }
    },
    tcsetpgrp: function (st, p, ev) {
      if (ev.result === 0)
        st.foreground = numbers(ev.args)[1];
    },
    kill: function (st, p, ev) {              /* SIGCONT: a stopped job runs again */
      const target = numbers(ev.args)[0];
      if (ev.result !== 0 || !/SIGCONT/.test(ev.args))
        return;
      Object.keys(st.procs).forEach(function (k) {
        const q = st.procs[k];
        if ((q.pid === target || q.pgid === -target) && q.state === "stopped")
          q.state = "running";
      });
    }
  };

  /* vfork() or posix_spawn() = PID: the parent narrates the child's calls
   * that follow ("in the child"), since the child cannot write. */
  function spawned(st, p, ev, focus) {
    if (ev.result > 0) {
      born(st, ev.result, ev.pid, ev.reason, focus);
      st.spawned[ev.pid] = ev.result;
    }
  }

  /* P has exited: its descriptors are closed; a zombie, or already reaped. */
  function ended(p, state, status) {
    p.state = state;
    p.status = status;
    p.fds = {};
  }

  /* Apply event EV to state ST.  Returns what changed (for highlighting). */
  function apply(st, ev) {
    const focus = { actor: ev.pid, fds: [], born: null, other: null, inChild: false };
    if (st.job !== ev.job) {
      dropReaped(st);
      st.job = ev.job;
    }
    if (/^(fork|vfork|clone3)$/.test(ev.call) && ev.result === 0) {   /* the child's first words */
      born(st, ev.pid, ev.ppid, ev.reason, focus);
      return focus;
    }
    focus.inChild = /^in the child/.test(ev.reason || "") && !!st.spawned[ev.pid];
    if (focus.inChild)
      focus.actor = st.spawned[ev.pid];
    else
      delete st.spawned[ev.pid];
    const p = proc(st, focus.actor, focus.inChild ? ev.pid : ev.ppid);
    (calls[ev.call] || applyFd)(st, p, ev, focus);
    return focus;
  }

  /* Every step's state, computed once: step 0 is before the first event. */
  function replayAll() {
    const st = { procs: {}, pipes: {}, npipes: 0, spawned: {}, seq: 0, job: undefined,
                 foreground: null };
    const shell = newProc(shellPid, null, startFds(), st);
    shell.pgid = meta.pgid != null ? meta.pgid : null;
    const steps = [{ state: JSON.parse(JSON.stringify(st)), event: null, focus: null }];
    events.forEach(function (ev) {
      let focus;
      try {
        focus = apply(st, ev);
      } catch (e) {
        reportError("event at " + ev.time + ": " + e.message);
        focus = { actor: ev.pid, fds: [] };
      }
      steps.push({ state: JSON.parse(JSON.stringify(st)), event: ev, focus: focus });
    });
    return steps;
  }

  /* ==== Words ==== */

  function fdText(d) {
    if (d.kind === "pipe")
      return "pipe " + d.pipe + (d.end === "w" ? " write end" : " read end");
    if (d.kind === "file")
      return "file " + d.text;
    return d.text;
  }

  /* The event as the narration prints it: minish[PID]: call(args) = result. */
  function callText(ev) {
    if (ev.call === "note")
      return ev.detail || "";
    if (ev.call === "exit")
      return "(pid " + ev.pid + " " + (ev.detail || "ended") + ", seen by the shell)";
    let s = ev.call + "(" + (ev.args || "") + ")";
    if (ev.result === null)
      return s + " ...";
    s += " = " + (ev.call === "pipe" && ev.detail ? ev.detail : ev.result);
    if (ev.errno)
      s += " " + ev.errno;
    if (ev.detail && ev.call !== "pipe")
      s += " " + ev.detail;
    return s;
  }

  function commandText(ev) {
    if (!ev)
      return (meta.commands && meta.commands[0] && meta.commands[0].text) ||
             (events[0] && events[0].node) || "";
    const c = (meta.commands || []).filter(function (x) { return x.job === ev.job; })[0];
    return c ? c.text : (ev.node || "");
  }

  /* ==== Drawing ==== */

  const SVG = "http://www.w3.org/2000/svg";
  const W = 300, HEAD = 62, ROW = 28, GAP = 130, BAND = 120, MARGIN = 30;

  function el(parent, name, attrs, text) {
    const e = document.createElementNS(SVG, name);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined)
      e.textContent = text;
    parent.appendChild(e);
    return e;
  }

  function sortedFds(p) {
    return Object.keys(p.fds).map(Number).sort(function (a, b) { return a - b; });
  }

  function boxHeight(p) {
    return HEAD + Math.max(1, sortedFds(p).length) * ROW + 10;
  }

  /* Positions: a tree, the shell on top, each process's children in the
   * row below it in the order they were born, the parent centred above. */
  function layout(st) {
    const procs = Object.keys(st.procs).map(function (k) { return st.procs[k]; });
    const pos = {};
    const rowHeight = [];
    function width(p) {
      const kids = childrenOf(st, p.pid);
      const sum = kids.reduce(function (s, k) { return s + width(k) + GAP; }, -GAP);
      return Math.max(W, sum);
    }
    function place(p, x, depth) {
      const kids = childrenOf(st, p.pid);
      const w = width(p);
      pos[p.pid] = { x: x + (w - W) / 2, depth: depth };
      rowHeight[depth] = Math.max(rowHeight[depth] || 0, boxHeight(p));
      let cx = x;
      kids.forEach(function (k) { place(k, cx, depth + 1); cx += width(k) + GAP; });
      return w;
    }
    let x = MARGIN;
    procs.filter(function (p) { return !st.procs[p.ppid] || st.procs[p.ppid].seq >= p.seq; })
      .sort(function (a, b) { return a.seq - b.seq; })
      .forEach(function (root) { x += place(root, x, 0) + GAP; });
    /* a row is followed by a wide band if a pipe sits there, else a narrow one */
    const piped = {};
    Object.keys(st.pipes).forEach(function (id) {
      const maker = pos[st.pipes[id].maker];
      if (maker && pipeHeld(st, st.pipes[id].id))
        piped[maker.depth] = true;
    });
    const rowY = [];
    let y = MARGIN + 24, band = 0;
    rowHeight.forEach(function (h, d) {
      rowY[d] = y;
      band = piped[d] ? BAND : BAND / 2;
      y += h + band;
    });
    Object.keys(pos).forEach(function (pid) { pos[pid].y = rowY[pos[pid].depth]; });
    return { pos: pos, rowY: rowY, rowHeight: rowHeight, width: x - GAP + MARGIN,
             height: y - band + MARGIN };
  }

  /* Does any process still hold an end of pipe ID? */
  function pipeHeld(st, id) {
    return Object.keys(st.procs).some(function (k) {
      const fds = st.procs[k].fds;
      return Object.keys(fds).some(function (fd) { return fds[fd].pipe === id; });
    });
  }

  /* Where pipe PI sits: in the band under its maker, between the child it
   * was made for and the next one (a pipeline's stages, left to right). */
  function pipeSpot(st, lay, pi) {
    const maker = lay.pos[pi.maker];
    if (!maker)
      return null;
    const kids = childrenOf(st, pi.maker).filter(function (k) { return lay.pos[k.pid]; });
    const left = kids[pi.slot] ? lay.pos[kids[pi.slot].pid].x
                               : (kids.length ? lay.pos[kids[kids.length - 1].pid].x +
                                  (pi.slot - kids.length + 1) * (W + GAP) : maker.x - (W + GAP) / 2);
    return { x: left + W + GAP / 2,
             y: lay.rowY[maker.depth] + lay.rowHeight[maker.depth] + BAND / 2 };
  }

  function drawProc(g, p, at, focus) {
    const fds = sortedFds(p);
    const h = boxHeight(p);
    const group = el(g, "g", { class: p.state, transform: "translate(" + at.x + "," + at.y + ")" });
    const actor = focus && (focus.actor === p.pid || focus.born === p.pid || focus.other === p.pid);
    el(group, "rect", { class: "box " + p.state + (actor ? " actor" : ""), width: W, height: h, rx: 10 });
    el(group, "rect", { class: "head", x: 3, y: 3, width: W - 6, height: HEAD - 8, rx: 8 });
    el(group, "text", { class: "pid", x: 12, y: 26 }, "pid " + p.pid);
    const progX = 12 + (5 + String(p.pid).length) * 11.7;     /* after "pid N " */
    el(group, "text", { class: "prog", x: progX, y: 26 }, clip(p.program, Math.floor((W - progX) / 11.7)));
    const info = el(group, "text", { class: "info", x: 12, y: 48 },
                    "pgid " + (p.pgid != null ? p.pgid : "?") + " \u00b7 ");
    const stateText = p.state + (p.status ? ": " + p.status : "");
    el(info, "tspan", { class: "state-" + p.state }, clip(stateText, 22));
    if (!fds.length)
      el(group, "text", { class: "info", x: 12, y: HEAD + 20 }, "(no descriptors)");
    fds.forEach(function (fd, i) {
      const d = p.fds[fd];
      const y = HEAD + i * ROW;
      const changed = focus && focus.actor === p.pid && focus.fds.indexOf(fd) >= 0;
      el(group, "rect", { class: "row" + (changed ? " changed" : ""), x: 4, y: y, width: W - 8,
                          height: ROW, rx: 4 });
      el(group, "text", { class: "fdnum", x: 14, y: y + 20 }, String(fd));
      el(group, "text", { class: "fdtext", x: 44, y: y + 20 }, "\u2192 " + clip(fdText(d), 19, d.kind === "file"));
      if (d.cloexec)
        el(group, "text", { class: "cx", x: W - 68, y: y + 19 }, "CLOEXEC");
    });
    if (p.label && p.pid !== shellPid && p.program === "minish (copy)")
      el(group, "text", { class: "caption", x: 0, y: h + 18 }, clip(p.label, 36));
  }

  /* S cut to N characters; a file name keeps its end ("file \u2026/dir/out"). */
  function clip(s, n, keepEnd) {
    s = String(s);
    if (s.length <= n)
      return s;
    if (keepEnd && /^file /.test(s))
      return "file \u2026" + s.slice(s.length - (n - 6));
    return s.slice(0, n - 1) + "\u2026";
  }

  function drawPipes(g, st, lay, focus) {
    Object.keys(st.pipes).forEach(function (id) {
      const pi = st.pipes[id];
      const holders = [];
      Object.keys(st.procs).forEach(function (k) {
        const p = st.procs[k];
        sortedFds(p).forEach(function (fd, i) {
          const d = p.fds[fd];
          if (d.kind === "pipe" && d.pipe === pi.id && lay.pos[p.pid])
            holders.push({ p: p, fd: fd, row: i, end: d.end });
        });
      });
      if (!holders.length)
        return;                                  /* every end closed: the pipe is gone */
      const spot = pipeSpot(st, lay, pi);
      if (!spot)
        return;
      const TW = 150, TH = 34;
      const ends = { w: { x: spot.x - TW / 2, y: spot.y }, r: { x: spot.x + TW / 2, y: spot.y } };
      holders.forEach(function (h) {
        const at = lay.pos[h.p.pid];
        const y = at.y + HEAD + h.row * ROW + ROW / 2;
        const e = ends[h.end];
        const fromLeft = e.x < at.x + W / 2;
        const x = fromLeft ? at.x : at.x + W;
        const dx = fromLeft ? -60 : 60;
        const dy = y > e.y ? 70 : -70;          /* reach the end from below or above */
        const changed = focus && focus.actor === h.p.pid && focus.fds.indexOf(h.fd) >= 0;
        el(g, "path", { class: "link " + h.end + (changed ? " changed" : ""),
                        d: "M" + x + "," + y + " C" + (x + dx) + "," + y + " " + e.x + "," +
                           (e.y + dy) + " " + e.x + "," + e.y });
      });
      el(g, "rect", { class: "tube", x: spot.x - TW / 2, y: spot.y - TH / 2, width: TW, height: TH, rx: 16 });
      el(g, "circle", { class: "tubeend w", cx: ends.w.x, cy: spot.y, r: 8 });
      el(g, "circle", { class: "tubeend r", cx: ends.r.x, cy: spot.y, r: 8 });
      el(g, "text", { class: "pipelabel", x: spot.x, y: spot.y + 6, "text-anchor": "middle" },
         "pipe " + pi.id + " \u25b6");
    });
  }

  function drawForks(g, st, lay) {
    Object.keys(st.procs).forEach(function (k) {
      const p = st.procs[k], parent = lay.pos[p.ppid], me = lay.pos[p.pid];
      if (!parent || !me || p.ppid === p.pid)
        return;
      const x1 = parent.x + W / 2, y1 = parent.y + boxHeight(st.procs[p.ppid]);
      const x2 = me.x + W / 2, y2 = me.y;
      el(g, "path", { class: "fork", d: "M" + x1 + "," + y1 + " C" + x1 + "," + (y1 + 60) + " " + x2 +
                      "," + (y2 - 60) + " " + x2 + "," + y2 });
      el(g, "text", { class: "forklabel", x: x2 + 6, y: y2 - 8 }, "fork");
    });
  }

  /* Fit the picture in the window, but no smaller than 0.8 (the text must
   * stay readable on a projector; the page scrolls instead) and no larger
   * than 1.3. */
  function fit(svg, width, height) {
    const top = svg.getBoundingClientRect().top + window.scrollY;
    const availW = document.documentElement.clientWidth - 24;
    const availH = window.innerHeight - top - 44;        /* the legend below */
    const scale = Math.max(0.8, Math.min(1.3, availW / width, availH / height));
    svg.style.width = Math.round(width * scale) + "px";
    svg.style.height = Math.round(height * scale) + "px";
  }

  function draw(step) {
    const svg = document.getElementById("picture");
    while (svg.firstChild)
      svg.removeChild(svg.firstChild);
    const st = step.state;
    const lay = layout(st);
    const width = Math.max(lay.width, 900), height = lay.height + 30;
    svg.setAttribute("viewBox", "0 0 " + width + " " + height);
    fit(svg, width, height);
    const shift = "translate(" + (width - lay.width) / 2 + ",0)";     /* centred */
    const forks = el(svg, "g", { transform: shift }), boxes = el(svg, "g", { transform: shift }),
          pipes = el(svg, "g", { transform: shift });
    drawForks(forks, st, lay);
    Object.keys(st.procs).forEach(function (k) {
      if (lay.pos[k])
        drawProc(boxes, st.procs[k], lay.pos[k], step.focus);
    });
    drawPipes(pipes, st, lay, step.focus);
    if (st.foreground != null)
      el(svg, "text", { class: "caption", x: MARGIN, y: MARGIN }, "the terminal's foreground group: " +
         st.foreground);
  }

  /* ==== The header: command line and narration ==== */

  function escapeHtml(s) {
    return String(s).replace(/[&<>"]/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c];
    });
  }

  function drawHeader(step) {
    const ev = step.event;
    const text = commandText(ev);
    let part = "";
    if (ev) {
      const p = step.state.procs[step.focus.actor];
      part = p && p.pid !== shellPid && p.stage ? p.stage : quoted(ev.reason);
    }
    const at = part ? text.indexOf(part) : -1;
    document.getElementById("cmdtext").innerHTML = at < 0 ? escapeHtml(text)
      : escapeHtml(text.slice(0, at)) + "<mark>" + escapeHtml(part) + "</mark>" +
        escapeHtml(text.slice(at + part.length));
    const call = document.getElementById("call");
    const reason = document.getElementById("reason");
    if (!ev) {
      call.innerHTML = '<span class="who">before the first event: the shell and its descriptors</span>';
      reason.textContent = "";
      return;
    }
    const t = events.length ? (Number(ev.time) - Number(events[0].time)) * 1000 : 0;
    call.innerHTML = '<span class="who">minish[' + ev.pid + "]:</span> " +
      (ev.errno ? escapeHtml(callText(ev)).replace(escapeHtml(ev.errno), '<span class="err">$&</span>')
                : escapeHtml(callText(ev))) +
      '<span class="who">   +' + t.toFixed(3) + " ms</span>";
    reason.textContent = ev.reason || "";
  }

  /* ==== Summary for tests and scripts ==== */

  function summary(i) {
    const step = steps[i];
    const st = step.state;
    return {
      step: i, steps: steps.length,
      event: step.event && { pid: step.event.pid, call: step.event.call, args: step.event.args,
                             result: step.event.result, reason: step.event.reason },
      procs: Object.keys(st.procs).map(function (k) { return st.procs[k]; })
        .sort(function (a, b) { return a.seq - b.seq; })
        .map(function (p) {
          const fds = {};
          sortedFds(p).forEach(function (fd) { fds[fd] = fdText(p.fds[fd]); });
          return { pid: p.pid, ppid: p.ppid, program: p.program, pgid: p.pgid, state: p.state,
                   status: p.status, fds: fds,
                   cloexec: sortedFds(p).filter(function (fd) { return p.fds[fd].cloexec; }) };
        })
    };
  }

  /* ==== Stepping ==== */

  const steps = replayAll();
  let current = 0;
  let timer = null;

  function go(i) {
    current = Math.max(0, Math.min(steps.length - 1, i));
    const step = steps[current];
    drawHeader(step);
    draw(step);
    document.getElementById("scrub").value = current;
    document.getElementById("position").textContent = "step " + current + " of " + (steps.length - 1);
    document.getElementById("summary").textContent = JSON.stringify(summary(current));
    if (step.event && step.event.job != null)
      jobs.value = String(step.event.job);
    try {
      history.replaceState(null, "", "#step=" + current);
    } catch (e) { /* some browsers refuse on file: pages; the hash is a convenience */ }
  }

  const kinds = {
    fork: function (ev) { return /^(fork|vfork|posix_spawn)$/.test(ev.call); },
    exec: function (ev) { return ev.call === "execve" && (ev.result === null || ev.result === 0); },
    wait: function (ev) { return ev.call === "waitpid" || ev.call === "wait4" || ev.call === "exit"; }
  };

  /* The next step (DIR +1) or previous one (-1) whose event is of KIND. */
  function jump(kind, dir) {
    for (let i = current + dir; i > 0 && i < steps.length; i += dir) {
      if (kinds[kind](steps[i].event)) {
        go(i);
        return;
      }
    }
  }

  const speed = document.getElementById("speed");

  /* A session with several commands: a list to jump to the first step of each. */
  const jobs = document.getElementById("jobs");
  steps.forEach(function (step, i) {
    const ev = step.event;
    if (!ev || ev.job == null || jobs.querySelector('option[value="' + ev.job + '"]'))
      return;
    const o = document.createElement("option");
    o.value = String(ev.job);
    o.textContent = ev.job + ": " + commandText(ev).slice(0, 40);
    o.dataset.step = i;
    jobs.appendChild(o);
  });
  jobs.hidden = jobs.options.length < 2;
  jobs.addEventListener("change", function () {
    go(Number(jobs.options[jobs.selectedIndex].dataset.step));
  });

  function play(on) {
    if (timer) {
      clearInterval(timer);
      timer = null;
    }
    if (on) {
      if (current === steps.length - 1)
        go(0);
      timer = setInterval(function () {
        if (current >= steps.length - 1)
          play(false);
        else
          go(current + 1);
      }, 1000 / Number(speed.value));
    }
    const b = document.getElementById("b-play");
    b.classList.toggle("on", !!on);
    b.innerHTML = on ? "&#x275A;&#x275A; <u>p</u>ause" : "&#x25B6; <u>p</u>lay";
  }

  function changeSpeed(dir) {
    speed.selectedIndex = Math.max(0, Math.min(speed.options.length - 1, speed.selectedIndex + dir));
    if (timer)
      play(true);
  }

  const keys = {
    "ArrowRight": function () { go(current + 1); }, " ": function () { go(current + 1); },
    "n": function () { go(current + 1); },
    "ArrowLeft": function () { go(current - 1); }, "b": function () { go(current - 1); },
    "Home": function () { go(0); }, "End": function () { go(steps.length - 1); },
    "f": function () { jump("fork", 1); }, "e": function () { jump("exec", 1); },
    "w": function () { jump("wait", 1); },
    "F": function () { jump("fork", -1); }, "E": function () { jump("exec", -1); },
    "W": function () { jump("wait", -1); },
    "p": function () { play(!timer); },
    "+": function () { changeSpeed(1); }, "-": function () { changeSpeed(-1); }
  };

  document.addEventListener("keydown", function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey || !keys[e.key] || e.target.tagName === "SELECT")
      return;
    e.preventDefault();
    keys[e.key]();
  });

  function button(id, fn) {
    document.getElementById(id).addEventListener("click", fn);
  }
  button("b-first", keys.Home);
  button("b-back", keys.ArrowLeft);
  button("b-next", keys.ArrowRight);
  button("b-last", keys.End);
  button("b-fork", keys.f);
  button("b-exec", keys.e);
  button("b-wait", keys.w);
  button("b-play", keys.p);
  speed.addEventListener("change", function () { if (timer) play(true); });
  const scrub = document.getElementById("scrub");
  scrub.max = steps.length - 1;
  scrub.addEventListener("input", function () { go(Number(scrub.value)); });
  document.getElementById("source").textContent = events.length + " events" +
    (meta.source && meta.source !== "live" ? " from " + meta.source : "") +
    (meta.version ? " \u00b7 minish " + meta.version : "");

  /* ==== Start: #step=N, #keys=... (typed in order), #walk ==== */

  window.addEventListener("resize", function () { go(current); });
  const hash = new URLSearchParams(location.hash.slice(1));
  go(Number(hash.get("step")) || 0);
  document.body.dataset.readyMs = (performance.now() - started).toFixed(1);
  (hash.get("keys") || "").split("").forEach(function (k) {
    const name = { ">": "ArrowRight", "<": "ArrowLeft", "^": "Home", "$": "End" }[k] || k;
    document.dispatchEvent(new KeyboardEvent("keydown", { key: name, bubbles: true }));
  });
  if (hash.has("walk")) {       /* draw every step, keep each summary: a self-test */
    const t0 = performance.now();
    const all = [];
    for (let i = 0; i < steps.length; i++) {
      go(i);
      all.push(JSON.parse(document.getElementById("summary").textContent));
    }
    go(Number(hash.get("step")) || 0);
    document.getElementById("walk").textContent = JSON.stringify({ ms: performance.now() - t0, steps: all });
  }
})();
