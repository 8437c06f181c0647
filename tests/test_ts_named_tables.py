"""TypeScript objects of capitalised keys are code tables, unless the name they are bound to
says they hold settings (session 10's fresh labels: supabase realtime-js); a fraction bound to
a limit name is a ratio (cassandra-driver's `minPercentage = 0.85`)."""

from __future__ import annotations

from tests.ts_helpers import detect_ts as scan


def test_an_object_bound_to_a_tunable_name_holds_settings(tmp_path):
    found = scan(
        tmp_path,
        "const CONNECTION_TIMEOUTS = {\n  HEARTBEAT_INTERVAL: 25000,\n  RECONNECT_DELAY: 10,\n"
        "  HEARTBEAT_TIMEOUT_FALLBACK: 100,\n} as const\n",
    )
    assert [(f.arg, f.value, f.unit) for f in found] == [
        ("HEARTBEAT_INTERVAL", "25000", "ms"),
        ("RECONNECT_DELAY", "10", "ms"),
        ("HEARTBEAT_TIMEOUT_FALLBACK", "100", "ms"),
    ]


def test_codes_and_fractions_stay_out(tmp_path):
    source = (
        "const HttpStatusCode = { RequestTimeout: 408, GatewayTimeout: 504, TooEarly: 425 }\n"
        "let minPercentage = 0.85\n"
    )
    assert scan(tmp_path, source) == []


def test_an_option_passed_to_a_call_is_named_as_a_binding_names_it(tmp_path):
    """nats' `new IdleHeartbeatMonitor(ms, cb, { maxOut: 2 })`, pg-pool's `{ maxUses: 2 }`
    (session 11's fresh labels): `max` with any other word bounds something, in an option
    object passed to a call as in a binding; a word that makes it a fact still does not."""
    source = (
        "monitor = new IdleHeartbeatMonitor(hb, (n) => { return false; }, { maxOut: 2 });\n"
        "const pool = new Pool({ maxUses: 7500 });\n"
        "draw({ maxInt: 5, maxVersion: 3 });\n"
    )
    found = scan(tmp_path, source)
    assert [(f.arg, f.value, f.kind.value) for f in found] == [
        ("maxOut", "2", "limit"),
        ("maxUses", "7500", "limit"),
    ]
