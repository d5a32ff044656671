"""shgen.py -- random but valid POSIX sh programs, deterministic from a seed.

The differential fuzzer (diff_fuzz.py) runs each program in dash and in
minish and compares what they print.  A program is a tree of nodes so that
the shrinker can cut it down: a Seq is a list whose items may be dropped,
and every node may carry simpler alternatives (`alts`) to try in its place.

    python3 tests/fuzz/shgen.py SEED          # print the program of SEED

Every construct the generator can write is listed in FEATURES; a generator
switch (SWITCHES) leaves one out while a known bug is open, and names the
entry of tests/fuzz/FINDINGS.md that it waits for.
"""
import random
import sys

# ---- the tree -----------------------------------------------------------------


class Out:
    """Rendering target: the text, and the here-document bodies waiting
    for the end of the current line."""
    def __init__(self):
        self.text = []
        self.pending = []

    def flush(self):
        for body in self.pending:
            self.text.append("\n")
            self.text.append(body)
        self.pending = []


def render_into(part, out):
    """a part may be a plain string (the shrinker puts string stand-ins in)"""
    if isinstance(part, str):
        out.text.append(part)
    else:
        part.render(out)


class Node:
    """Concatenation of parts (str or Node); alts: simpler stand-ins."""
    __slots__ = ("parts", "alts")

    def __init__(self, parts, alts=()):
        self.parts = list(parts)
        self.alts = list(alts or ())

    def render(self, out):
        for p in self.parts:
            if isinstance(p, str):
                out.text.append(p)
            else:
                p.render(out)


class Seq(Node):
    """Items joined by sep; the shrinker may remove items (keeping keep).
    A newline separator first writes the pending here-document bodies."""
    __slots__ = ("sep", "keep")

    def __init__(self, items, sep="\n", keep=0, alts=()):
        super().__init__(items, alts)
        self.sep = sep
        self.keep = keep

    def render(self, out):
        first = True
        for p in self.parts:
            if not first:
                if self.sep == "\n":
                    out.flush()
                out.text.append(self.sep)
            first = False
            if isinstance(p, str):
                out.text.append(p)
            else:
                p.render(out)


class HereDoc(Node):
    """parts[0] is the operator (<<E, <<'E', <<-E); parts[1] the body (a Seq
    of lines); parts[2] the delimiter.  Renders the operator; the body goes
    after the end of the line."""
    __slots__ = ()

    def render(self, out):
        op, body, end = self.parts
        out.text.append(op)
        sub = Out()
        render_into(body, sub)
        sub.flush()
        text = "".join(sub.text)
        trailing = len(text) - len(text.rstrip("\\"))
        if "'" not in op and "\\" not in op and trailing % 2 == 1:
            # the last line is continued into the delimiter line (as in dash:
            # the joined line is body text); a second delimiter line ends the
            # body there, instead of swallowing the rest of the program
            text += "\n" + end
        out.pending.append((text + "\n" if text else "") + end)


class CmdSub(Node):
    """$(...): a blank after $( when the body starts with ( -- `$((` would
    begin an arithmetic expansion (XCU 2.6.3)."""
    __slots__ = ()

    def render(self, out):
        sub = Out()
        render_into(self.parts[1], sub)
        text = "".join(sub.text)
        out.text.append("$( " if text.startswith("(") else "$(")
        out.text.append(text)
        out.pending.extend(sub.pending)
        out.text.append(")")


def render(node):
    out = Out()
    node.render(out)
    out.flush()
    return "".join(out.text)


# ---- switches -------------------------------------------------------------------
# name -> finding in tests/fuzz/FINDINGS.md.  A switch listed here is OFF
# (the construct is not generated) until that finding is fixed; then delete
# its line.  `--with NAME` turns one back on to check the fix.
SWITCHES = {
    "sq-in-dq-brace": "D1: with it on, dash adds an empty field after \"$@\" followed by an unquoted expansion with leading blanks (bash agrees with minish)",
}

# Documented deviations (docs/user-guide.md, "Differences from dash"): never
# generated; diff_fuzz.py's KNOWN rules filter them out if they appear anyway.
KNOWN_OFF = ("lineno", "caret-negation", "pipefail", "arith-incdec")

VARS = ["a", "b", "c", "x", "y"]
NUMS = ["n", "m"]
FILES = ["f1.txt", "f2.txt", "g.c", "sp ace.txt", "d/e/z.txt", "d/q.c", ".hid"]
SQ_CHARS = "abcxyz019 *?[]!^-$\"\\|&;<>(){}#~=%:,.\t"
LIT_CHARS = "abcxyz019-_.,:@%+/"


class Gen:
    def __init__(self, seed, disabled=()):
        self.r = random.Random(seed)
        self.off = set(disabled)
        self.depth = 0
        self.funcs = []
        self.aliases = []
        self.in_func = False
        self.in_cmdsub = False
        self.pure = 0           # >0: no assignments (F7: a trim pattern is not always expanded)
        self.no_assign_only = False
        self.loops = 0
        self.writing = []       # files the redirections around us write
        self.hd = 0

    def on(self, feature):
        return feature not in self.off

    def pick(self, *choices):
        """pick((weight, fn), ...) -> fn() ; a choice with a None fn is skipped"""
        choices = [c for c in choices if c[1] is not None]
        total = sum(w for w, _ in choices)
        x = self.r.uniform(0, total)
        for w, fn in choices:
            x -= w
            if x <= 0:
                return fn()
        return choices[-1][1]()

    def ch(self, seq):
        return self.r.choice(seq)

    def chance(self, p):
        return self.r.random() < p

    # ---- words -----------------------------------------------------------------

    def lit(self):
        n = self.r.randint(1, 4)
        return "".join(self.ch(LIT_CHARS) for _ in range(n))

    def sq(self):
        n = self.r.randint(0, 6)
        body = "".join(self.ch(SQ_CHARS) for _ in range(n))
        return Node(["'", body, "'"], ["'q'"])

    def backslash(self, ctx):
        if ctx == "dq":
            c = self.ch('$`"\\abn*')      # \$ \` \" \\ and an ordinary char (kept)
        else:
            c = self.ch(" *?[]$'\"\\|&;<>(){}#~=abn\t")
        return "\\" + c

    def varname(self):
        return self.ch(VARS + NUMS + ["1", "2", "u"])

    def param(self, ctx, no_assign=False):
        v = self.varname()
        if not self.on("param-ops") or self.depth > 3 or self.chance(0.35):
            s = self.ch(["$" + v, "${" + v + "}", "$#", "$?", "${#" + v + "}",
                         "$*", "$@", "$1", "$-"] if ctx != "dq" else
                        ["$" + v, "${" + v + "}", "$#", "${#" + v + "}", "$*", "$@", "$1"])
            if s == "$-" and not self.on("dollar-dash"):
                s = "$a"
            return Node([s], ["$a"])
        ops = [":-", "-", ":+", "+", "#", "##", "%", "%%"]
        if self.on("param-assign") and v not in ("1", "2") and not no_assign and not self.pure:
            ops += [":=", "="]
        op = self.ch(ops)
        self.depth += 1
        inner = "brace-dq" if ctx in ("dq", "brace-dq") else "brace"
        if op in ("#", "##", "%", "%%"):
            pure = not self.on("assign-in-trim-pattern")
            self.pure += pure
            w = self.pattern_word(inner)
            self.pure -= pure
        else:
            w = self.word(inner, maxparts=3)
        self.depth -= 1
        return Node(["${", v, op, w, "}"], ["$" + v, w])

    def pattern_word(self, ctx):
        """a pattern inside ${v#...}: globs, literals, quoted parts."""
        parts = []
        for _ in range(self.r.randint(1, 3)):
            parts.append(self.pick(
                (3, lambda: self.ch(["*", "?", "a", "b", "x", " ", ":", "o", "*:", "[ab]", "[!a]", "t*"])),
                (1, lambda: self.sq() if ctx == "brace" or self.on("sq-in-dq-brace") else "o"),
                (1, lambda: self.backslash_in_pattern(ctx)),
                (1, lambda: self.param(ctx, no_assign=not self.on("assign-in-trim-pattern"))
                 if self.depth < 3 else "x"),
                (1, lambda: Node(['"', self.ch(["*", "a", "?", "o "]), '"'], ["a"])
                 if ctx == "brace" or self.on("dq-in-dq-brace") else "a"),
            ))
        return Node(parts, ["*", "a"])

    def backslash_in_pattern(self, ctx):
        if ctx == "brace-dq" and not self.on("dq-pattern-escape"):
            return self.ch(["\\\\", "\\$"])
        return "\\" + self.ch("*?[ab\\")

    def cmdsub(self, ctx):
        self.depth += 1
        if self.chance(0.7) or not self.on("backquote"):
            saved, self.in_cmdsub = self.in_cmdsub, True
            body = self.pipeline() if self.depth < 2 else Node(["echo ", self.lit()])
            self.in_cmdsub = saved
            node = CmdSub(["$(", body, ")"], ["$(echo s)"])
        else:
            # inside backquotes: only words without backslash or backquote
            w = self.ch(["a", "'x y'", "$a", '"$b"', "$((1+2))", "'*'", "q r"])
            node = Node(["`echo ", w, "`"], ["`echo b`"])
        self.depth -= 1
        return node

    def arith_expr(self, d=0):
        if d > 3 or self.chance(0.3):
            return self.pick(
                (3, lambda: str(self.r.randint(0, 20))),
                (2, lambda: self.ch(NUMS)),
                (1, lambda: "$" + self.ch(NUMS)),
                (1, lambda: self.ch(["0x1f", "010", "-3"])),
            )
        e = lambda: self.arith_expr(d + 1)
        return self.pick(
            (6, lambda: "%s %s %s" % (e(), self.ch("+-*<>&|^") if self.chance(0.7) else
                                       self.ch(["<=", ">=", "==", "!=", "&&", "||"]), e())),
            (1, lambda: "%s %s %d" % (e(), self.ch("/%"), self.r.randint(1, 7))),
            (1, lambda: "%s %s %d" % (e(), self.ch(["<<", ">>"]), self.r.randint(0, 4))),
            (2, lambda: "(%s)" % e()),
            # a blank after the operator: `--m` is minish's decrement (known difference)
            (1, lambda: self.ch("!~-") + " " + e()),
            (1, lambda: "%s ? %s : %s" % (e(), e(), e())),
            (1, lambda: "(%s %s %s)" % (self.ch(NUMS), self.ch(["=", "+=", "-=", "*="]), e())
             if self.on("arith-assign") and not self.pure else e()),
        )

    def arith(self):
        return Node(["$((", self.arith_expr(), "))"], ["$((1))"])

    def tilde(self):
        return self.ch(["~", "~/x", "~root", "~/d/*"])

    def glob(self):
        return self.ch(["*.txt", "f?.txt", "[fg]*", "[!f]*", "d/*/*.txt", "*", "d/*",
                        "*.[ch]", "[[:alpha:]]?.txt", "*[0-9]*", "nomatch*", "d/[eq]*"])

    def dq(self, inner_ctx="dq"):
        parts = []
        for _ in range(self.r.randint(0, 4)):
            parts.append(self.pick(
                (3, lambda: self.ch(["a", " ", "b c", "*", "'", "?", "~", "#", "x=y"])),
                (2, lambda: self.backslash("dq")),
                (4, lambda: self.param("dq")),
                (1, lambda: self.cmdsub("dq") if self.depth < 3 else "s"),
                (1, lambda: self.arith()),
            ))
        return Node(['"'] + parts + ['"'], ['"d"'])

    def word(self, ctx="arg", maxparts=4):
        """ctx: arg (an unquoted argument), brace / brace-dq (inside ${v-...}),
        assign (after NAME=)."""
        parts = []
        n = self.r.randint(1, maxparts)
        for i in range(n):
            first = i == 0
            parts.append(self.pick(
                (4, self.lit),
                (3, self.sq if ctx != "brace-dq" or self.on("sq-in-dq-brace") else self.lit),
                (3, (lambda: self.dq()) if ctx != "brace-dq" else (lambda: self.lit())),
                (2, lambda: self.backslash("dq" if ctx == "brace-dq" else ctx)),
                (4, lambda: self.param(ctx)),
                (1, lambda: self.cmdsub(ctx) if self.depth < 3 else "s"),
                (1, self.arith),
                (1, (lambda: self.tilde()) if first and ctx == "arg" and self.on("tilde") else None),
                (1, (lambda: self.ch(["~", "~/p"])) if first and ctx == "brace" and self.on("tilde-in-brace") else None),
                (1, (lambda: self.glob()) if ctx == "arg" and self.on("glob") else None),
            ))
        w = Node(parts, ["w"])
        return w

    def words(self, lo=1, hi=4):
        return Seq([self.word() for _ in range(self.r.randint(lo, hi))], " ", keep=0)

    # ---- commands ---------------------------------------------------------------

    def show(self):
        """print the fields of some words: [f1][f2]..."""
        return Node(["printf '[%s]' ", self.words(1, 4), "; echo"], ["echo w"])

    def echo(self):
        return Node(["echo ", self.words(1, 3)], ["echo e"])

    def printf_cmd(self):
        fmt = self.ch(["'%s|'", "'%s-%s\\n'", "'<%5s>'", "'%-4s|%d\\n'", "'%x %o\\n'",
                       "'%b\\n'", "'%c.'", "'%%%s'", "'%.2s\\n'", "'a\\tb\\101\\n'"])
        if "%d" in fmt or "%x" in fmt:
            args = Node([self.ch(["x", "3", "-4"]), " ", str(self.r.randint(0, 99)), " ",
                         self.arith()])
        else:
            args = self.words(0, 3)
        return Node(["printf ", fmt, " ", args, "; echo"], ["echo p"])

    def assign_word(self):
        parts = [self.word("assign", 3)]
        if self.on("tilde") and self.chance(0.15):
            parts = [self.ch(["~", "~/a:~/b", "x:~"])]
        return Node(parts, ["v"])

    def assignment(self):
        v = self.ch(VARS + NUMS)
        return Node([v, "=", self.assign_word()], [v + "=v"])

    def decl(self):
        kw = ["export"]
        if self.in_func and self.on("local"):
            kw.append("local")
        if self.on("readonly"):
            kw.append("readonly")
        k = self.ch(kw)
        v = self.ch(VARS)
        if self.on("decl-split"):
            val = self.assign_word()
        else:
            val = self.ch(["1", "'q r'", "w"])
        return Node([k, " ", v, "=", val, "; printf '[%s]' \"$", v, "\"; echo"], ["echo d"])

    def simple(self):
        return self.pick(
            (5, self.show),
            (2, self.echo),
            (2, self.printf_cmd),
            (3, self.assignment if not self.no_assign_only else None),
            (1, lambda: Node([self.assignment(), " ", self.show()], ["echo s"])),
            (1, self.decl if self.on("decl") else None),
            (1, lambda: Node(["unset ", self.ch(VARS)])),
            (1, lambda: Node(["set -- ", self.words(0, 3)], ["set --"])),
            (1, lambda: Node(["shift", self.ch(["", " 1", " 2"])])),
            (1, lambda: Node([self.ch(["true", "false", ":"])])),
            (1, lambda: Node(["[ ", self.word(), " ", self.ch(["=", "!=", "-lt", "-eq", "-gt"]), " ",
                              self.word(), " ]"], ["true"])),
            (1, lambda: Node(["test -", self.ch("nzfde"), " ", self.word()], ["true"])),
            (1, self.eval_cmd if self.on("eval") else None),
            (1, self.read_cmd if self.on("read") else None),
            (1, self.call if self.funcs else None),
            (1, self.alias_use if self.aliases else None),
            # never the file a surrounding redirection writes: a pipeline would race
            (1, lambda: Node([self.ch(["cat", "wc -l <", "cat -"]), " ",
                              self.ch([f for f in FILES[:3] + ["out", "o2"] if f not in self.writing]),
                              " 2>/dev/null"], ["true"])),
        )

    def eval_cmd(self):
        s = self.ch(["'echo $a'", "\"echo \\$b\"", "'v=$((n+1)); echo $v'", "'x=\"q w\"'",
                     "'for i in 1 2; do echo $i; done'", "\"printf '[%s]' $a; echo\""])
        return Node(["eval ", s])

    def read_cmd(self):
        vs = self.r.sample(VARS, self.r.randint(1, 3))
        ifs = self.ch(["", "IFS=: ", "IFS= ", "IFS=' ,' "]) if self.on("read-ifs") else ""
        opt = self.ch(["-r ", "-r ", ""])
        line = self.ch(["one two three", "a:b:c", " lead  trail ", "back\\\\slash x",
                        "x,y , z", "$a ${b}", "cont\\", "*"])
        shown = "; printf '[%s]' " + " ".join('"$%s"' % v for v in vs) + "; echo"
        if self.heredoc_ok() and self.chance(0.5):
            node = Node([ifs, "read ", opt, " ".join(vs), " ", self.heredoc(Seq([line])), shown])
        else:
            node = Node(["printf '%s\\n' '", line.replace("'", ""), "' | { ", ifs, "read ", opt,
                         " ".join(vs), shown, "; }"])
        return Node([node, "; echo \"r=$?\""], ["true"])

    def heredoc_ok(self):
        return self.on("heredoc") and not self.in_cmdsub

    def heredoc(self, body, tab=False):
        self.hd += 1
        end = "E%d" % self.hd
        q = self.ch(["", "", "'", "\\", "-" if tab else ""])
        op = {"": "<<%s", "'": "<<'%s'", "\\": "<<\\%s", "-": "<<-%s"}[q] % end
        if q == "-":
            body = Seq([Node(["\t", l]) for l in body.parts], "\n")
            end = "\t" + end
        return HereDoc([op, body, end])

    def heredoc_cmd(self):
        lines = []
        for _ in range(self.r.randint(0, 3)):
            lines.append(self.pick(
                (2, lambda: Node([self.ch(["text ", "$a ", "${b} ", "\\$c ", "'q' ", "\"dq\" ", "\\\\ ",
                                           "a\\b ", "} ", ") "]),
                                  self.ch(["", "$x", "$(echo s)", "`echo t`", "${y#?}",
                                           "$((n+1))" if self.on("heredoc-expansion-error") else "$((1+1))"])])),
                (1, lambda: Node([self.param("dq")])),
                (1, lambda: Node(["end\\"])),      # continued into the next line
            ))
        cmd = self.ch(["cat", "cat", "while read -r l; do echo \"<$l>\"; done", "tr a-z A-Z"])
        return Node([cmd, " ", self.heredoc(Seq(lines), tab=True)], ["echo h"])

    def redir_cmd(self):
        f = self.ch(["out", "out", "o2", "f1.txt"])
        op = self.ch([">", ">>", ">|"] + ([">"] if not self.on("noclobber") else []))
        saved = self.no_assign_only
        self.no_assign_only = saved or not self.on("assign-only-redirect")
        self.writing.append(f)
        inner = self.command()
        self.writing.pop()
        self.no_assign_only = saved
        # each form is one command (braces), so `a || FORM` applies to all of it
        return self.pick(
            (3, lambda: Node(["{ { ", inner, "; } ", op, " ", f, "; cat ", f, "; }"], [inner])),
            # messages differ between shells (their wording, and which
            # argument they quote, which may hold a newline): show only
            # that there was one, as one line
            (1, lambda: Node([inner, " 2>&1 >/dev/null | sed -n '$s/.*/(message)/p'"], [inner])),
            (1, lambda: Node([inner, " 2>/dev/null"], [inner])),
            (1, lambda: Node(["{ exec 3>", f, "; ", inner, " >&3; exec 3>&-; cat ", f, "; }"], [inner])),
            (1, lambda: Node(["{ cat < ", self.ch(["f1.txt", "out", "'sp ace.txt'"]),
                              " 2>/dev/null; echo \"c=$?\"; }"])),
            (1, lambda: Node(["{ { read -r a; read -r b; } <> ", f, "; echo \"[$a][$b]\"; }"])),
            (1, lambda: Node(["{ ", self.ch(["echo hi", "printf x"]), " >", self.word(), "; echo \"s=$?\"; }"])
             if self.on("redir-word") else None),
        )

    def pipeline(self):
        n = self.r.randint(1, 3)
        stages = [self.command()]
        for _ in range(n - 1):
            # every reader reads all its input: one that stops early (head,
            # a single read) races the writer's SIGPIPE, and the outcome flips
            stages.append(Node([self.ch(["cat", "tr a-z A-Z", "sort", "sed -n 1,2p",
                                         "while read -r l; do echo \"<$l>\"; done",
                                         "{ read -r l; echo \"[$l]\"; cat >/dev/null; }", "sed s/a/b/"])]))
        p = Seq(stages, " | ", keep=1, alts=[stages[0]])
        if self.chance(0.1) and self.on("negation"):
            return Node(["! ", p, "; echo \"n=$?\""], [p])
        return p

    def andor(self):
        left = self.pipeline()
        if self.chance(0.7):
            return left
        op = self.ch([" && ", " || "])
        right = self.pipeline()
        return Node([left, op, right, "; echo \"ao=$?\""], [left, right])

    def body(self, lo=1, hi=3):
        return Seq([self.andor() for _ in range(self.r.randint(lo, hi))], "; ", keep=1)

    def compound(self):
        self.depth += 1
        v = self.ch(VARS)
        r = self.pick(
            (2, lambda: Node(["{ ", self.body(), "; }"], None)),
            (2, lambda: Node(["( ", self.body(), " )"], None)),
            (2, lambda: Node(["if ", self.body(1, 2), "; then ", self.body(), "; else ", self.body(), "; fi"])),
            (1, lambda: Node(["if ", self.body(1, 1), "; then ", self.body(), "; elif ", self.body(1, 1),
                              "; then ", self.body(), "; fi"])),
            (2, lambda: Node(["for ", v, " in ", self.words(0, 4), "; do ", self.body(), "; done"])),
            (1, lambda: Node(["for ", v, " do ", self.body(), "; done"]) if self.on("for-no-in") else Node(["for ", v, " in 1; do ", self.body(), "; done"])),
            (1, lambda: self.counted_loop("while [ $%s -lt " + str(self.r.randint(0, 3)) + " ]", "")),
            (1, lambda: self.counted_loop("until [ $%s -ge 2 ]", self.ch(["", "continue; ", "break; "]))),
            (3, self.case_cmd),
        )
        self.depth -= 1
        # the alternatives: every body in the node
        r.alts = [p for p in r.parts if isinstance(p, Node)]
        return r

    def counted_loop(self, cond, tail):
        # a counter of its own: a loop that calls a function with a loop must
        # not reset the caller's counter (that would never end)
        self.loops += 1
        i = "i%d" % self.loops
        return Node([i, "=0; ", cond % i, "; do ", self.body(), "; ", i, "=$((", i, "+1)); ", tail, "done"])

    def case_pattern(self):
        return self.pick(
            (3, lambda: self.ch(["a*", "*b", "?", "??*", "one", "*.txt", "x:*", "''", "\\*", "'*'",
                                 "\"$a\"", "$b", "[ab]*", "[!a]*", "[[:digit:]]*", "*[[:space:]]*",
                                 "[a-c]", "[]a]*", "[!]]*", "*\\]*"])),
            (1, lambda: self.ch(["[a\\-z]", "[\\!a]*", "[\"!\"a]*", "[0\"-\"9]", "[\\^x]"])
             if self.on("bracket-quoting") else "[xy]"),
            (1, lambda: self.word("arg", 2)),
        )

    def case_cmd(self):
        items = []
        for _ in range(self.r.randint(1, 3)):
            pats = [self.case_pattern() for _ in range(self.r.randint(1, 2))]
            pats = Seq(pats, "|", keep=1)
            paren = "(" if self.chance(0.2) else ""
            items.append(Node([paren, pats, ") ", self.body(1, 2), ";;"]))
        if self.chance(0.5):
            items.append(Node(["*) echo default;;"]))
        subj = self.pick((2, lambda: self.word()), (1, lambda: Node([self.ch(['"$a"', "$x", "-", "5", "b]", "x:y", "'*'", "!a"])])))
        return Node(["case ", subj, " in ", Seq(items, " ", keep=0), " esac"])

    def command(self):
        if self.depth > 1:
            return self.simple()
        return self.pick(
            (10, self.simple),
            (3, self.compound),
            (2, self.redir_cmd),
            (1, self.heredoc_cmd if self.heredoc_ok() else None),
        )

    # ---- top level -------------------------------------------------------------

    def funcdef(self):
        name = "f%d" % len(self.funcs)
        self.in_func = True
        b = self.body(1, 3)
        ret = self.ch(["", "; return 3", "; return", "; echo \"#=$# 1=$1\""])
        self.in_func = False
        self.funcs.append(name)
        return Node([name, "() { ", b, ret, "; }"])

    def call(self):
        return Node([self.ch(self.funcs), " ", self.words(0, 2), "; echo \"f=$?\""], ["true"])

    def aliasdef(self):
        name = "al%d" % len(self.aliases)
        text = self.pick(
            (3, lambda: self.ch(["echo pre", "printf '[%s]'", "echo ", "set --", "x=1 echo",
                                 "echo \\$a", "echo '$b'", "{ echo g; }; echo"])),
            (1, lambda: self.ch(["fi", "}", "", "(", ";;", "cat <<E\nx\nE\n"])),
            (1, lambda: ("al%d " % (len(self.aliases) - 1)) if self.aliases else "echo n"),
        )
        self.aliases.append(name)
        return Node(["alias ", name, "=", "'" + text.replace("'", "'\\''") + "'"])

    def alias_use(self):
        return Node([self.ch(self.aliases), " ", self.words(0, 2)], ["true"])

    def setopt(self):
        opts = ["-f", "+f", "-u", "+u", "-C", "+C", "-x", "+x", "-v", "+v"]
        if self.on("allexport"):
            opts += ["-a", "+a"]
        if self.on("set-e"):
            opts += ["-e", "+e"]
        o = self.ch(opts)
        if o == "-C":
            self.off.add("noclobber")  # '>' would fail on existing files: use '>|' from now on
        return Node(["set ", o])

    def trapdef(self):
        return self.pick(
            (2, lambda: Node(["trap '", self.ch(["echo exit $?", "echo bye", "printf '\\''[%s]'\\'' \"$a\""]),
                              "' EXIT"])),
            (1, lambda: Node(["trap 'echo usr1' USR1; kill -USR1 $$; echo \"k=$?\""])),
            (1, lambda: Node(["trap - EXIT"])),
            (1, lambda: Node(["trap"])),
        )

    def background(self):
        """an asynchronous list, waited for before its output is shown"""
        return Node(["{ ", self.body(1, 2), "; } > bg.out 2>/dev/null & wait $!; echo \"w=$?\"; cat bg.out"],
                    ["true"])

    def dotfile(self):
        body = Seq([self.andor() for _ in range(self.r.randint(1, 3))], "\n")
        return Node(["cat > inc.sh ", HereDoc(["<<'INC'", body, "INC"]), "; . ./inc.sh; echo \"dot=$?\""],
                    ["true"])

    def statement(self):
        return self.pick(
            (12, self.command),
            (2, lambda: self.andor()),
            (2, self.funcdef),
            (1, self.aliasdef if self.on("alias") else None),
            (1, self.setopt if self.on("set") else None),
            (1, self.trapdef if self.on("trap") else None),
            (1, self.dotfile if self.on("dot") else None),
            (1, self.background if self.on("background") else None),
            (1, lambda: Node(["echo \"st=$?\""])),
        )

    def program(self, nstmts=None):
        n = nstmts or self.r.randint(3, 10)
        stmts = [self.statement() for _ in range(n)]
        return Seq(stmts, "\n")


PRELUDE = """\
a='one two'; b='*.txt'; c=''; x='a:b:c'; y=' lead  trail '; n=3; m=-2
mkdir -p d/e && : > f1.txt && : > f2.txt && : > g.c && : > 'sp ace.txt' && : > d/e/z.txt && : > d/q.c && : > .hid
set -- one 'two words' ''
"""

EPILOGUE = """
echo "end=$?"
printf '[%s]' "$@"; echo "#=$#"
set | grep -E '^(a|b|c|x|y|n|m|u|i|l|IFS)='
export -p | grep -E ' (a|b|c|x|y|n|m|u)='
alias
ls -A | sort
"""


def generate(seed, disabled=()):
    """-> the program's tree (prelude and epilogue are added by full_text)."""
    g = Gen(seed, set(disabled) | set(SWITCHES) | set(KNOWN_OFF))
    return g.program()


def full_text(tree):
    return PRELUDE + render(tree) + EPILOGUE


def main():
    import argparse
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("seed", type=int)
    ap.add_argument("--with", dest="with_", action="append", default=[],
                    help="generate a construct that a switch leaves out")
    args = ap.parse_args()
    for w in args.with_:
        SWITCHES.pop(w, None)
    sys.stdout.write(full_text(generate(args.seed)))


if __name__ == "__main__":
    main()
