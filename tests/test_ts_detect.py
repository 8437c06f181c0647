"""TypeScript and JavaScript detection (contract section 1T), through the real engine."""

from __future__ import annotations

import pytest

from tests.ts_helpers import detect_ts, rows


def test_timers_and_their_delays_in_milliseconds(tmp_path):
    found = detect_ts(
        tmp_path,
        """\
        setTimeout(tick, 5000);
        window.setInterval(() => poll(), 60 * 1000);
        const signal = AbortSignal.timeout(2500);
    """,
    )
    assert rows(found) == [
        ("5000", "HCL101", "call", "setTimeout", 1, "ms", 5),
        ("60 * 1000", "HCL101", "call", "setInterval", 1, "ms", 60),
        ("2500", "HCL101", "call", "AbortSignal.timeout", 0, "ms", 2.5),
    ]


def test_timers_promises_takes_its_delay_first_and_a_local_timer_is_not_the_global(tmp_path):
    found = detect_ts(
        tmp_path,
        """\
        import { setTimeout as sleep } from "node:timers/promises";
        import * as tp from "timers/promises";
        await sleep(2000);
        await tp.setTimeout(300, "value");
        sleep(undefined, 5);
    """,
    )
    assert [(f.value, f.api, f.arg) for f in found] == [
        ("2000", "timers/promises.setTimeout", 0),
        ("300", "timers/promises.setTimeout", 0),
    ]
    shadowed = detect_ts(
        tmp_path,
        """\
        function setTimeout(fn, times) { return fn(times); }
        setTimeout(run, 3);
    """,
        "other.js",
    )
    assert shadowed == []


def test_client_options_by_their_words_and_by_the_catalog(tmp_path):
    found = detect_ts(
        tmp_path,
        """\
        import axios from "axios";
        const { Pool } = require("pg");
        import amqp from "amqplib";
        axios.get(url, { timeout: 5000 });
        const pool = new Pool({ max: 10, idleTimeoutMillis: 30000, ssl: 1 });
        amqp.connect(url, { heartbeat: 60 });
        client.set("k", "v", { EX: 60 });
    """,
    )
    assert rows(found) == [
        ("5000", "HCL102", "keyword", "axios.get", "timeout", "ms", 5),
        ("10", "HCL301", "keyword", "pg.Pool", "max", None, None),
        ("30000", "HCL102", "keyword", "pg.Pool", "idleTimeoutMillis", "ms", 30),
        ("60", "HCL102", "keyword", "amqplib.connect", "heartbeat", "s", 60),
        ("60", "HCL102", "keyword", "client.set", "EX", "s", 60),
    ]


def test_a_nested_option_under_a_duration_named_property_is_a_duration(tmp_path):
    found = detect_ts(tmp_path, "got(url, { timeout: { request: 10000 }, retry: { limit: 2 } });")
    assert [(f.value, f.kind.value, f.arg, f.unit) for f in found] == [
        ("10000", "duration", "request", "ms"),
        ("2", "limit", "limit", None),
    ]


def test_bindings_fields_defaults_and_assignments(tmp_path):
    found = detect_ts(
        tmp_path,
        """\
        const RETRY_DELAY_SECONDS = 2;
        let maxConnections = 100;
        class Poller {
          pollIntervalMs = 500;
          static MAX_RETRIES = 5;
          constructor(private timeout = 3000) {
            this.keepAlive = 1000;
            this.cacheTtl ??= 60;
          }
        }
        function connect({ connectTimeout = 10000 } = {}, retries = 3) {}
        exports.TTL = 60;
        opts.retryDelay = opts.retryDelay != null ? opts.retryDelay : 4e3;
        const WAIT_TIMEOUT = 0x102;
        count += 5;
    """,
    )
    assert [(f.value, f.code, f.context.value, f.arg, f.unit) for f in found] == [
        ("2", "HCL103", "assignment", "RETRY_DELAY_SECONDS", "s"),
        ("100", "HCL302", "assignment", "maxConnections", None),
        ("500", "HCL103", "assignment", "pollIntervalMs", "ms"),
        ("5", "HCL302", "assignment", "MAX_RETRIES", None),
        ("3000", "HCL103", "default", "timeout", "ms"),
        ("1000", "HCL103", "assignment", "keepAlive", "ms"),
        ("60", "HCL103", "assignment", "cacheTtl", "ms"),
        ("10000", "HCL103", "default", "connectTimeout", "ms"),
        ("3", "HCL302", "default", "retries", None),
        ("60", "HCL103", "assignment", "TTL", "ms"),
        ("4e3", "HCL103", "assignment", "retryDelay", "ms"),
    ]


def test_jsx_attributes(tmp_path):
    found = detect_ts(
        tmp_path,
        """\
        import { Poller } from "./poller";
        export const App = () => <Poller intervalMs={500} label="x" size={3} />;
    """,
        "app.tsx",
    )
    assert [(f.value, f.code, f.api, f.arg, f.scope) for f in found] == [
        ("500", "HCL102", "./poller.Poller", "intervalMs", "App")
    ]


def test_clamps(tmp_path):
    found = detect_ts(
        tmp_path,
        """\
        const a = Math.max(ttl, 1);
        const b = Math.max(1, Math.min(n, 100));
        const c = Math.max(1, 2);
        import _ from "lodash";
        const d = _.clamp(n, 5, 50);
    """,
    )
    assert [(f.value, f.api, f.arg) for f in found] == [
        ("1", "Math.max", 1),
        ("1", "Math.max", 0),
        ("100", "Math.min", 1),
        ("5", "lodash.clamp", 1),
        ("50", "lodash.clamp", 2),
    ]


def test_zero_is_no_finding_by_default(tmp_path):
    code = "setTimeout(f, 0);\nconst timeout = 0;\n"
    assert detect_ts(tmp_path, code) == []
    assert len(detect_ts(tmp_path, code, "z.ts", include_zero=True)) == 2


def test_never_findings(tmp_path):
    found = detect_ts(
        tmp_path,
        """\
        const timeoutLabel = "5000";
        const delayText = `${5000}`;
        enum Timeout { Short = 1000 }
        let waitMs: 5 = x;
        items[5]; name.slice(0, 10); s.substring(2, 8);
        res.status(404);
        const timeoutFlags = 1 << 4;
        if (elapsed > 3000) {}
        // setTimeout(f, 5000)
        const pg = { keepalivesEnabled: 1, enableKeepAlive: 1 };
        new Client(addr, creds, { "grpc.keepalive_permit_without_calls": 1 });
        const timestampTypes = { NO_TIMESTAMP: -1, CREATE_TIME: 0, LOG_APPEND_TIME: 1 };
    """,
    )
    assert found == []  # the last: kafkajs' enum of two, however short


def test_scopes(tmp_path):
    found = detect_ts(
        tmp_path,
        """\
        class Worker { run() { setTimeout(f, 1); } }
        const poll = () => { setTimeout(f, 2); };
        function outer() { function inner() { setTimeout(f, 3); } [1].map(() => setTimeout(f, 4)); }
        setTimeout(f, 5);
    """,
    )
    assert [(f.value, f.scope) for f in found] == [
        ("1", "Worker.run"),
        ("2", "poll"),
        ("3", "outer.inner"),
        ("4", "outer"),
        ("5", None),
    ]


def test_javascript_is_its_own_language(tmp_path):
    found = detect_ts(tmp_path, "module.exports = { timeout: 30000 };\n", "lib/index.cjs")
    assert [(f.value, f.language, f.arg) for f in found] == [("30000", "javascript", "timeout")]


def test_suppression_comments(tmp_path):
    found = detect_ts(
        tmp_path,
        """\
        setTimeout(f, 1000); // hardcode-lint: ignore
        setTimeout(f, 2000); // noqa: HCL101
        setTimeout(f, 3000); // noqa: HCL301
    """,
    )
    assert [f.value for f in found] == ["3000"]


def test_a_test_file_beside_a_package_json_is_test_code(tmp_path):
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "package.json").write_text("{}")
    found = detect_ts(tmp_path, "setTimeout(f, 100);\n", "pkg/test.js")
    assert [f.test for f in found] == [True]
    assert [f.test for f in detect_ts(tmp_path, "setTimeout(f, 100);\n", "pkg/main.js")] == [False]


def test_declarations_minified_and_build_output_are_never_scanned(tmp_path):
    code = "export const timeout = 5000;\n"
    assert detect_ts(tmp_path, code, "types.d.ts") == []
    assert detect_ts(tmp_path, code, "app.min.js") == []
    assert detect_ts(tmp_path, code + "//# sourceMappingURL=index.js.map\n", "dist/index.js") == []
    assert len(detect_ts(tmp_path, code, "dist/handwritten.js")) == 1
    (tmp_path / "tsconfig.json").write_text('{"compilerOptions": {"outDir": "out", }}')
    assert detect_ts(tmp_path, code, "out/index.js") == []
    long_line = "var a=" + ",".join(f"b{i}=setTimeout(f,{i + 1})" for i in range(600)) + ";\n"
    assert detect_ts(tmp_path, long_line, "bundle.js") == []


def test_a_time_named_option_is_a_duration_and_a_table_of_codes_is_no_options(tmp_path):
    found = detect_ts(
        tmp_path,
        """\
        const retry = { maxRetryTime: 30 * 1000, initialRetryTime: 300, retries: 5 };
        const HttpStatusCode = { Continue: 100, RequestTimeout: 408, GatewayTimeout: 504 };
        const MAX_TIMEOUT_TIME = 2147483647;
        tracker.setElement(id, { ref, count: 1 });
    """,
    )
    assert [(f.value, f.kind.value, f.arg) for f in found] == [
        ("30 * 1000", "duration", "maxRetryTime"),
        ("300", "duration", "initialRetryTime"),
        ("5", "limit", "retries"),
        ("2147483647", "duration", "MAX_TIMEOUT_TIME"),
    ]


def test_error_tables_and_sets_of_names_are_no_settings(tmp_path):
    table = "".join(f"exports.ER_{name} = {1200 + i};\n" for i, name in enumerate(
        ["A", "LOCK_WAIT_TIMEOUT", "B", "C", "D"]))  # fmt: skip
    found = detect_ts(
        tmp_path,
        table
        + """\
        const validOptions = { connectTimeout: 1, idleTimeout: 1, queueLimit: 1 };
        exports.CONNECT_TIMEOUT = 10000;
    """,
        "errors.js",
    )
    assert [(f.value, f.arg) for f in found] == [("10000", "CONNECT_TIMEOUT")]
    short = detect_ts(tmp_path, "exports.ER_A = 1;\nexports.ER_LOCK_WAIT_TIMEOUT = 1205;\n", "e.js")
    assert [f.value for f in short] == ["1205"]


@pytest.mark.parametrize(
    ("manifest", "languages"),
    [
        ('{"name": "a"}', ("javascript",)),
        (
            '{"name": "a", "devDependencies": {"typescript": "^5.4.0"}}',
            ("typescript", "javascript"),
        ),
        ('{"name": "a", "scripts": {"start": "tsx src/main.ts"}}', ("typescript", "javascript")),
        ('{"name": "a", "types": "dist/index.d.ts"}', ("typescript", "javascript")),
    ],
)
def test_a_package_json_naming_typescript_makes_a_typescript_project(tmp_path, manifest, languages):
    """Without a tsconfig.json, a package run with tsx or ts-node is still TypeScript: its
    .ts files are scanned by default (before, `scan` found 0 of 0 files there)."""
    from hardcode_lint.config import project_languages

    (tmp_path / "package.json").write_text(manifest, encoding="utf-8")
    assert project_languages(tmp_path) == languages


def test_a_symbol_keyed_property_is_judged_by_the_symbols_name(tmp_path):
    """undici's `this[kKeepAliveTimeout] = ... ? 4e3 : ...` and opossum's `this[TIMEOUT]`:
    the computed key's variable names the property; a number index does not."""
    found = detect_ts(
        tmp_path,
        """\
        const kKeepAliveTimeout = Symbol("keepAliveTimeout");
        class Client {
          constructor(opts) {
            this[kKeepAliveTimeout] = opts.keepAliveTimeout == null ? 4e3 : opts.keepAliveTimeout;
            this["maxRetries"] = opts.retries || 3;
            this.slots[2] = 500;
          }
        }
        const table = { [kKeepAliveTimeout]: 2e3 };
        """,
        name="client.js",
    )
    assert [(f.value, f.kind.value, f.arg) for f in found] == [
        ("4e3", "duration", "kKeepAliveTimeout"), ("3", "limit", "maxRetries"),
        ("2e3", "duration", "kKeepAliveTimeout"),
    ]  # fmt: skip


def test_an_option_descriptors_default_is_judged_by_the_options_name(tmp_path):
    """mongodb's option table: `maxPoolSize: { default: 100, type: "uint" }`."""
    found = detect_ts(
        tmp_path,
        """\
        export const OPTIONS = {
          maxPoolSize: { default: 100, type: "uint" },
          connectTimeoutMS: { default: 30000, type: "uint" },
          appName: { default: 3, type: "string" },
        };
        """,
    )
    assert [(f.value, f.kind.value, f.unit) for f in found] == [
        ("100", "limit", None), ("30000", "duration", "ms")
    ]  # fmt: skip


def test_a_unit_conversion_constant_is_no_setting(tmp_path):
    assert detect_ts(tmp_path, "const UNITS_TO_MS = 1000;\nconst MS_PER_SECOND = 1000;\n") == []


def test_a_bound_word_read_from_the_options_and_defaulted_is_a_limit(tmp_path):
    # temporal's poller behaviour: `maximum: behavior.maximum ?? 100`; a bare `max` elsewhere
    # (a clamp's argument, a plain object) says nothing by itself
    found = detect_ts(
        tmp_path,
        """\
        export const f = (b: any) => ({ minimum: b.minimum ?? 1, maximum: b.maximum ?? 100 });
        export function g(o: any, a: number) { this.max = o.max || 10; const m = { max: 10 }; }
        const span = { max: other.limit ?? 5 };
    """,
    )
    assert [(f.kind.value, f.value, f.arg) for f in found] == [
        ("limit", "1", "minimum"),
        ("limit", "100", "maximum"),
        ("limit", "10", "max"),
        ("limit", "5", "limit"),  # not by `max`: the fallback of `limit` (test_ts_fallbacks)
    ]


def test_a_call_around_a_long_callback_is_shown_by_its_callee(tmp_path):
    body = "".join(f"  step{n}();\n" for n in range(500))
    (found,) = detect_ts(tmp_path, f"setTimeout(() => {{\n{body}}}, 250);\n")
    assert found.snippet == "setTimeout(…, 250, …)"
    (short,) = detect_ts(tmp_path, "setTimeout(() => {\n  go();\n}, 250);\n")
    assert short.snippet == "setTimeout(() => {go();}, 250)"
