"""Go detection (contract section 1G): durations by unit, clamps, names, contexts, scopes."""

from __future__ import annotations

import pytest

from tests.go_helpers import detect_go, rows

HEADER = 'import (\n\t"context"\n\t"net/http"\n\t"time"\n)\n\n'


def test_durations_by_unit_multiplication_in_every_context(tmp_path):
    found = detect_go(
        tmp_path,
        HEADER
        + """
const pollInterval = 500 * time.Millisecond

func (s *Server) Run(ctx context.Context) time.Duration {
	time.Sleep(5 * time.Second)
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	c := http.Client{Timeout: 10 * time.Second}
	if elapsed > 3*time.Second {
		return time.Second * 2
	}
	return 0
}
""",
    )
    assert rows(found) == [
        ("500 * time.Millisecond", "HCL103", "assignment", "pollInterval", "pollInterval", "ms",
         0.5),
        ("5 * time.Second", "HCL101", "call", "time.Sleep", 0, "s", 5),
        ("30*time.Second", "HCL101", "call", "context.WithTimeout", 1, "s", 30),
        ("10 * time.Second", "HCL102", "keyword", "net/http.Client", "Timeout", "s", 10),
        ("3*time.Second", "HCL101", "expression", None, None, "s", 3),
        ("time.Second * 2", "HCL101", "expression", None, None, "s", 2),
    ]  # fmt: skip
    assert [f.scope for f in found] == [None] + ["Server.Run"] * 5
    # line and column span the literal, also after the unit
    last = found[-1]
    assert (last.line, last.column, last.end_column) == (17, 24, 25)


def test_conversions_divisions_and_other_factors(tmp_path):
    found = detect_go(
        tmp_path,
        HEADER
        + """
func f(attempt int) {
	a := time.Duration(5) * time.Second
	b := time.Duration(500)
	c := time.Second / 10
	time.Sleep(time.Duration(attempt) * 100 * time.Millisecond)
	d := 2 * 60 * time.Second
	e := -5 * time.Minute
}
""",
    )
    assert [(f.value, f.number, f.unit, f.seconds) for f in found] == [
        ("time.Duration(5) * time.Second", 5, "s", 5),
        ("time.Duration(500)", 500, "ns", 0.0000005),
        ("time.Second / 10", 10, "s", 0.1),
        ("time.Duration(attempt) * 100 * time.Millisecond", 100, "ms", 0.1),
        ("2 * 60 * time.Second", 120, "s", 120),
        ("-5 * time.Minute", -5, "min", -300),
    ]


def test_time_is_resolved_through_the_import(tmp_path):
    aliased = detect_go(tmp_path, 'import t "time"\n\nfunc f() { t.Sleep(2 * t.Second) }\n')
    assert rows(aliased) == [("2 * t.Second", "HCL101", "call", "time.Sleep", 0, "s", 2)]
    other = 'import time "example.com/clock"\n\nfunc f() { g(2 * time.Second) }\n'
    assert detect_go(tmp_path, other) == []
    assert detect_go(tmp_path, "func f() { g(2 * time.Second) }\n") == []


def test_unit_constants_zeros_and_counts_are_not_findings(tmp_path):
    found = detect_go(
        tmp_path,
        HEADER
        + """
const Minute = 60 * time.Second
const DefaultReconnectJitter = 100 * time.Millisecond

func f(elapsed time.Duration) {
	time.Sleep(0 * time.Second)
	n := elapsed / time.Millisecond
	g(timeout * time.Second)
}
""",
    )
    assert [f.value for f in found] == ["100 * time.Millisecond"]


def test_clamps_builtin_and_math(tmp_path):
    found = detect_go(tmp_path, 'import "math"\n\nfunc f(n int, x float64) {\n'
                      "\ta := max(n, 1)\n\tb := min(max(n, 1), 100)\n\tc := math.Max(x, 0.5)\n"
                      "\td := max(1, 2)\n}\n")  # fmt: skip
    assert [(f.value, f.code, f.api, f.arg) for f in found] == [
        ("1", "HCL201", "max", 1),
        ("1", "HCL201", "max", 1),
        ("100", "HCL201", "min", 1),
        ("0.5", "HCL201", "math.Max", 1),
    ]


def test_a_package_with_its_own_max_has_no_builtin_clamps(tmp_path):
    (tmp_path / "util.go").write_text("package p\n\nfunc max(a, b int) int { return a }\n")
    assert detect_go(tmp_path, "func f(n int) int { return max(n, 1) }\n") == []


def test_names_fields_and_map_keys(tmp_path):
    found = detect_go(
        tmp_path,
        """
import "github.com/redis/go-redis/v9"

var maxRetries = 3

func f() {
	timeoutMs := 500
	opts := redis.Options{PoolSize: 10, MaxRetries: 3, DB: 2}
	cfg.Producer.Retry.Max = 5
	m := map[string]int{"interval": 60, "port": 80}
	var retryDelaySeconds = 2
}
""",
    )
    assert rows(found) == [
        ("3", "HCL302", "assignment", "maxRetries", "maxRetries", None, None),
        ("500", "HCL103", "assignment", "timeoutMs", "timeoutMs", "ms", 0.5),
        ("10", "HCL301", "keyword", "github.com/redis/go-redis/v9.Options", "PoolSize", None,
         None),
        ("3", "HCL301", "keyword", "github.com/redis/go-redis/v9.Options", "MaxRetries", None,
         None),
        ("5", "HCL302", "assignment", "cfg.Producer.Retry.Max", "cfg.Producer.Retry.Max", None,
         None),
        ("60", "HCL102", "keyword", "map[string]int", "interval", None, None),
        ("2", "HCL103", "assignment", "retryDelaySeconds", "retryDelaySeconds", "s", 2),
    ]  # fmt: skip


NEVER = [
    "func f(b []byte) { _ = b[5*time.Second] }",
    "var a [5]int",
    "func f() { x := make([]byte, 0, 64); _ = x }",
    'func f() { s := "timeout: 5 * time.Second"; _ = s }',
    "const (\n\tmaxSize = 1 << 20\n)",
    "func f(d time.Duration) { switch d {\n\tcase 5 * time.Second:\n\t} }",
    "const (\n\ttimeoutA = iota\n\ttimeoutB\n)",
    "const waitTimeout = 0x102",
    "func f() { time.Sleep(5 * time.Second) } //nolint:hardcodelint",
    "func f() { time.Sleep(5 * time.Second) } //nolint",
    "func f() { time.Sleep(5 * time.Second) } // hardcode-lint: ignore",
    "func f() { time.Sleep(5 * time.Second) } // noqa: HCL101",
    # an update is no binding: grpc's `tempDelay *= 2` doubles, `retries -= 1` counts down
    "func f(tempDelay time.Duration, maxRetries int) { tempDelay *= 2; maxRetries -= 1 }",
    # a fraction bound to a limit name, as in every language: a ratio
    "const (\n\tmaxSizeRatio = 0.75\n)",
]


@pytest.mark.parametrize("body", NEVER)
def test_never_findings(tmp_path, body):
    assert detect_go(tmp_path, f'import "time"\n\n{body}\n') == []


def test_a_duration_added_in_an_update_is_still_a_duration(tmp_path):
    found = detect_go(
        tmp_path, 'import "time"\n\nfunc f(d time.Duration) { d += 3 * time.Second }\n'
    )
    assert [(f.value, f.context.value) for f in found] == [("3 * time.Second", "expression")]


def test_nolint_for_another_linter_keeps_the_finding(tmp_path):
    found = detect_go(
        tmp_path, 'import "time"\n\nfunc f() { time.Sleep(5 * time.Second) } //nolint:mnd\n'
    )
    assert len(found) == 1


def test_a_tagless_switch_case_is_an_expression(tmp_path):
    found = detect_go(tmp_path, 'import "time"\n\nfunc f(d time.Duration) { switch {\n'
                      "\tcase d > 5*time.Second:\n\t} }\n")  # fmt: skip
    assert [(f.value, f.context.value) for f in found] == [("5*time.Second", "expression")]


def test_generated_files_are_never_scanned(tmp_path):
    code = '// Code generated by protoc-gen-go. DO NOT EDIT.\n\npackage p\n\nimport "time"\n\nvar x = 5 * time.Second\n'
    assert detect_go(tmp_path, code) == []
    late = 'package p\n\n// Code generated by protoc-gen-go. DO NOT EDIT.\n\nimport "time"\n\nvar x = 5 * time.Second\n'
    assert len(detect_go(tmp_path, late)) == 1


def test_test_files_and_function_literal_scopes(tmp_path):
    found = detect_go(tmp_path, 'import "time"\n\nfunc TestX(t *testing.T) {\n'
                      "\tgo func() { time.Sleep(2 * time.Second) }()\n}\n", name="x_test.go")  # fmt: skip
    assert [(f.scope, f.test) for f in found] == [("TestX", True)]


def test_catalogued_positional_and_field_arguments(tmp_path):
    found = detect_go(
        tmp_path,
        """
import (
	"time"

	"github.com/nats-io/nats.go"
	"google.golang.org/grpc/backoff"
)

func f(db *sql.DB) {
	db.SetMaxOpenConns(25)
	time.Sleep(100)
	nats.Connect(url, nats.MaxReconnects(10))
	c := backoff.Config{Multiplier: 1.6, BaseDelay: 1 * time.Second}
	g(1, 2, 3)
}
""",
    )
    assert rows(found) == [
        ("25", "HCL301", "call", "db.SetMaxOpenConns", 0, None, None),
        ("100", "HCL101", "call", "time.Sleep", 0, "ns", 0.0000001),
        ("10", "HCL301", "call", "github.com/nats-io/nats.go.MaxReconnects", 0, None, None),
        ("1.6", "HCL301", "keyword", "google.golang.org/grpc/backoff.Config", "Multiplier", None,
         None),
        ("1 * time.Second", "HCL102", "keyword", "google.golang.org/grpc/backoff.Config",
         "BaseDelay", "s", 1),
    ]  # fmt: skip


def test_a_file_that_cannot_be_read_is_an_error_and_an_empty_one_is_not(tmp_path):
    assert detect_go(tmp_path, "package p\n") == []
    assert detect_go(tmp_path, "") == []


def test_a_constant_of_a_named_type_is_an_enum_value(tmp_path):
    found = detect_go(tmp_path, "const (\n\tErrInvalidSessionTimeout KError = 26\n"
                      "\tWaitForAll RequiredAcks = -1\n\tmaxRetries int = 3\n)\n")  # fmt: skip
    assert [f.api for f in found] == ["maxRetries"]
