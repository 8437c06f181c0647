"""The fixed parts of the generated Go settings package: its header comment, imports and the
loader (``Get``, ``Load``, the environment and JSON file readers, the per-type parsers).

Kept apart from the struct tree (``settings_module.py``) so each stays readable; the Go is
written as gofmt lays it out, tabs and all.
"""

from __future__ import annotations

#: type -> (parser call with `text`, the conversion of its result, the type's name in errors)
_PARSERS = {
    "time.Duration": (
        "time.ParseDuration(text)",
        "v",
        'a duration (as Go writes it: \\"1m30s\\"; a bare number where the key names its unit)',
    ),
    "float32": ("strconv.ParseFloat(text, 32)", "float32(v)", "float32"),
    "float64": ("strconv.ParseFloat(text, 64)", "v", "float64"),
    "int": ("strconv.ParseInt(text, 10, 0)", "int(v)", "int"),
    "int8": ("strconv.ParseInt(text, 10, 8)", "int8(v)", "int8"),
    "int16": ("strconv.ParseInt(text, 10, 16)", "int16(v)", "int16"),
    "int32": ("strconv.ParseInt(text, 10, 32)", "int32(v)", "int32"),
    "int64": ("strconv.ParseInt(text, 10, 64)", "v", "int64"),
    "uint": ("strconv.ParseUint(text, 10, 0)", "uint(v)", "uint"),
    "uint8": ("strconv.ParseUint(text, 10, 8)", "uint8(v)", "uint8"),
    "uint16": ("strconv.ParseUint(text, 10, 16)", "uint16(v)", "uint16"),
    "uint32": ("strconv.ParseUint(text, 10, 32)", "uint32(v)", "uint32"),
    "uint64": ("strconv.ParseUint(text, 10, 64)", "v", "uint64"),
    "uintptr": ("strconv.ParseUint(text, 10, 64)", "uintptr(v)", "uintptr"),
}


def docs(prefix: str) -> list[str]:
    return [
        "//",
        "// Each default is the literal the code held, so behaviour stays as it was. Change a",
        f"// value without touching code: set {prefix}__KEY__PATH (the key upper-cased, `.` as",
        '// `__`; a duration as Go writes it, "1m30s", or a bare number where the key names its',
        "// unit), or name a JSON file of nested objects in",
        f"// {prefix}_SETTINGS_FILE; the environment wins. An unknown key or a value of the wrong",
        "// type is an error naming the key and its source.",
    ]


def imports(durations: bool) -> list[str]:
    names = ["bytes", "encoding/json", "fmt", "os", "sort", "strconv", "strings", "sync"]
    return ["import (", *(f'\t"{n}"' for n in [*names, *(["time"] if durations else [])]), ")"]


def _cases(kinds: list[str]) -> list[str]:
    lines = []
    for kind in kinds:
        call, converted, shown = _PARSERS[kind]
        lines += [
            f"\tcase *{kind}:",
            f"\t\tv, err := {call}",
            *(
                ["\t\tif err != nil {", "\t\t\tv, err = inUnit(key, text)", "\t\t}"]
                if kind == "time.Duration"
                else []
            ),
            "\t\tif err != nil {",
            f'\t\t\treturn bad(key, source, text, "{shown}")',
            "\t\t}",
            f"\t\t*p = {converted}",
        ]
    return lines


def _is_duration(durations: bool) -> list[str]:
    body = ["\t_, ok := target.(*time.Duration)", "\treturn ok"] if durations else [
        "\treturn false"]  # fmt: skip
    return [
        "// isDuration tells a duration's field (a string in the file) from a number's.",
        "func isDuration(target interface{}) bool {",
        *body,
        "}",
        "",
        "// namesUnit tells a duration key that names its unit (a number in the file counts it).",
        "func namesUnit(key string) bool {",
        *(["\t_, ok := unitOf(key)", "\treturn ok"] if durations else ["\treturn false"]),
        "}",
        *(_IN_UNIT.splitlines() if durations else []),
    ]


def units(table: list[tuple[str, str]]) -> list[str]:
    """``unitOf``: the unit a bare number means for each duration key that names its unit
    (``..._seconds``: ``3`` is ``3s``), as its name promises the user who sets it.  A switch,
    not a map literal: gofmt would align a map's values in columns."""
    by_unit: dict[str, list[str]] = {}
    for key, unit in sorted(table):
        by_unit.setdefault(unit, []).append(f'"{key}"')
    cases = [line for unit, keys in by_unit.items()
             for line in (f"\tcase {', '.join(keys)}:", f"\t\treturn {unit}, true")]  # fmt: skip
    body = ["\tswitch key {", *cases, "\t}"] if cases else []
    return [
        "// unitOf is the unit of a duration key that names one: a bare number there counts it.",
        "func unitOf(key string) (time.Duration, bool) {",
        *body,
        "\treturn 0, false",
        "}",
        "",
    ]


_IN_UNIT = """
// inUnit reads a bare number for a duration key that names its unit (3 for `..._seconds`).
func inUnit(key, text string) (time.Duration, error) {
	unit, ok := unitOf(key)
	if !ok {
		return 0, fmt.Errorf("%s names no unit", key)
	}
	n, err := strconv.ParseFloat(text, 64)
	if err != nil {
		return 0, err
	}
	return time.Duration(n * float64(unit)), nil
}"""


def loader(defaults: list[str], fields: list[str], kinds: list[str]) -> list[str]:
    """``Default``, ``fields``, ``Get``, ``Load`` and the parsers, for fields of ``kinds``."""
    return [
        "// Default returns the settings holding the literals the code held.",
        "func Default() Settings {", "\tvar s Settings", *defaults, "\treturn s", "}", "",
        "// fields maps each key to the field that holds it.",
        "func (s *Settings) fields() map[string]interface{} {",
        "\tf := map[string]interface{}{}", *fields, "\treturn f", "}", "",
        "var loadOnce sync.Once", "", "var loaded *Settings", "",
        "// Get returns the settings, loaded once: the defaults, overridden by the settings file,",
        "// overridden by the environment. A bad override panics with a message naming the key",
        "// and its source; Load returns it as an error instead.",
        "func Get() *Settings {", "\tloadOnce.Do(func() {", "\t\ts, err := Load()",
        "\t\tif err != nil {", "\t\t\tpanic(err.Error())", "\t\t}", "\t\tloaded = s", "\t})",
        "\treturn loaded", "}", "",
        *_LOAD.splitlines(), "", *_is_duration("time.Duration" in kinds), "",
        "// set parses text as the type of the field target points at.",
        "func set(target interface{}, key, text, source string) error {",
        "\tswitch p := target.(type) {", *_cases(kinds), "\t}", "\treturn nil", "}", "",
        "func bad(key, source, text, kind string) error {",
        '\treturn fmt.Errorf("settings key %q from %s: %q is not %s", key, source, text, kind)',
        "}",
    ]  # fmt: skip


_LOAD = """\
// Load reads the settings afresh: the defaults, then the JSON file named by
// EnvPrefix_SETTINGS_FILE, then the EnvPrefix__KEY__PATH environment variables.
func Load() (*Settings, error) {
	s := Default()
	fields := s.fields()
	if path := os.Getenv(EnvPrefix + "_SETTINGS_FILE"); path != "" {
		if err := fromFile(path, fields); err != nil {
			return nil, err
		}
	}
	names := make(map[string]string, len(fields))
	for key := range fields {
		names[EnvPrefix+"__"+strings.ToUpper(strings.ReplaceAll(key, ".", "__"))] = key
	}
	environ := os.Environ()
	sort.Strings(environ)
	for _, entry := range environ {
		pair := strings.SplitN(entry, "=", 2)
		if len(pair) != 2 || !strings.HasPrefix(pair[0], EnvPrefix+"__") {
			continue
		}
		key, ok := names[pair[0]]
		if !ok {
			return nil, fmt.Errorf("environment variable %s: names no settings key", pair[0])
		}
		if err := set(fields[key], key, pair[1], "environment variable "+pair[0]); err != nil {
			return nil, err
		}
	}
	return &s, nil
}

// fromFile applies the values of the JSON settings file at path.
func fromFile(path string, fields map[string]interface{}) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("settings file %s: cannot be read: %v", path, err)
	}
	decoder := json.NewDecoder(bytes.NewReader(data))
	decoder.UseNumber()
	var tree map[string]interface{}
	if err := decoder.Decode(&tree); err != nil {
		return fmt.Errorf("settings file %s: not a JSON object of settings: %v", path, err)
	}
	return fromTree(tree, "", path, fields)
}

// fromTree applies one object of the settings file, its nested objects as sections.
func fromTree(tree map[string]interface{}, section, path string,
	fields map[string]interface{}) error {
	names := make([]string, 0, len(tree))
	for name := range tree {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		key := section + name
		if inner, ok := tree[name].(map[string]interface{}); ok {
			if err := fromTree(inner, key+".", path, fields); err != nil {
				return err
			}
			continue
		}
		target, ok := fields[key]
		if !ok {
			return fmt.Errorf("settings file %s: %q is no settings key", path, key)
		}
		text, ok := tree[name].(json.Number)
		if words, isString := tree[name].(string); isString && isDuration(target) {
			text, ok = json.Number(words), true
		} else if ok && isDuration(target) && !namesUnit(key) {
			ok = false
		}
		if !ok {
			value := tree[name]
			return fmt.Errorf("settings key %q from %s: %v is not of its type (%s)", key, path,
				value, "a duration is a string such as \\"1m30s\\" (or a number, where the key "+
					"names its unit), a number a JSON number")
		}
		if err := set(target, key, string(text), path); err != nil {
			return err
		}
	}
	return nil
}
"""
