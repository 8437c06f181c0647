"""The fixed parts of the generated Rust settings module: its doc comment, a struct with its
``impl Default``, and the loader (``get``, ``load``, the parsers of the environment and of the
settings file), laid out as rustfmt lays them out."""

from __future__ import annotations

_READERS = {"toml": "::toml::Value", "json": "::serde_json::Value"}
_TABLES = {"toml": "Table", "json": "Object"}
_NUMBERS = {
    "toml": ["        ::toml::Value::Integer(n) => n.to_string(),",
             '        ::toml::Value::Float(n) => format!("{:?}", n),'],
    "json": ["        ::serde_json::Value::Number(n) => n.to_string(),"],
}  # fmt: skip


def docs(prefix: str, formats: tuple[str, ...]) -> list[str]:
    if formats:
        names = " or ".join(f.upper() for f in formats)
        file = (
            f"//! tables named by `{prefix}_SETTINGS_FILE` ({names}, read with the crate's own",
            f"//! {' and '.join('`' + _READERS[f].split('::')[1] + '`' for f in formats)}); "
            "the environment wins over the file.",
        )
    else:
        file = (
            "//! environment only: the crate depends on neither `toml` nor `serde_json`, and",
            "//! this module adds no dependency.",
        )
    return [
        "//! Settings: every hardcoded value the migration moved, with its default.",
        "//!",
        "//! Each default is the literal the code held, so behaviour stays as it was. Change a",
        f"//! value without touching code: set `{prefix}__KEY__PATH` (the key upper-cased, `.` as",
        f"//! `__`, e.g. `{prefix}__NET__TIMEOUT_SECS=5`)"
        + (", or put it in the file of nested" if formats else "; settings files: the"),
        *file,
        "//! An unknown key or a value that does not parse as its field's type is an error naming",
        "//! the key and its source: `load()` returns it, `get()` panics with it.",
    ]


def struct(
    name: str, doc: str, fields: list[str], inits: list[tuple[str, str]], derive: str | None
) -> list[str]:
    """A settings struct and its ``impl Default`` with the literals."""
    derives = "Debug, Clone, Copy, PartialEq" + (f", {derive}" if derive else "")
    serde = ["#[serde(default, deny_unknown_fields)]"] if derive else []
    if not fields:
        return ["", f"/// {doc}", f"#[derive({derives})]", *serde, f"pub struct {name} {{}}", "",
                f"impl Default for {name} {{", "    fn default() -> Self {",
                "        Self {}", "    }", "}"]  # fmt: skip
    return ["", f"/// {doc}", f"#[derive({derives})]", *serde, f"pub struct {name} {{", *fields,
            "}", "",
            f"impl Default for {name} {{", "    fn default() -> Self {", *_literal(inits),
            "    }", "}"]  # fmt: skip


def _literal(inits: list[tuple[str, str]]) -> list[str]:
    """``Self { .. }`` as rustfmt lays it out: on one line when its fields fit in 18 columns
    (its ``struct_lit_width``), a field's value on the next line when 100 columns cannot hold
    the field."""
    joined = ", ".join(f"{name}: {value}" for name, value in inits)
    if len(joined) <= 18:
        return [f"        Self {{ {joined} }}"]
    lines = ["        Self {"]
    for name, value in inits:
        line = f"            {name}: {value},"
        wrapped = [f"            {name}:", f"                {value},"]
        lines += [line] if len(line) <= 100 else wrapped
    return [*lines, "        }"]


_GET = """
static SETTINGS: OnceLock<Settings> = OnceLock::new();

/// The settings, loaded on first use (see `load`); panics naming the key and its source
/// when an override is bad, so that a typo never leaves the old value silently in force.
pub fn get() -> &'static Settings {
    SETTINGS.get_or_init(|| match load() {
        Ok(settings) => settings,
        Err(message) => panic!("{}", message),
    })
}

/// The defaults, overridden by the settings file, overridden by the environment.
pub fn load() -> Result<Settings, String> {
    let mut settings = Settings::default();
""".splitlines()

_ENV = """    for (name, value) in ::std::env::vars_os() {
        let name = match name.into_string() {
            Ok(name) => name,
            Err(_) => continue,
        };
        if !name.starts_with("{prefix}__") {
            continue;
        }
        let source = format!("environment variable {}", name);
        let key = match key_of(&name) {
            Some(key) => key,
            None => return Err(format!("{}: names no settings key", source)),
        };
        let text = match value.into_string() {
            Ok(text) => text,
            Err(_) => return Err(format!("settings key `{}` from {}: not UTF-8", key, source)),
        };
        set(&mut settings, key, &text, &source)?;
    }
    Ok(settings)
}

fn parse<T>(key: &str, text: &str, source: &str) -> Result<T, String>
where
    T: ::std::str::FromStr,
    T::Err: ::std::fmt::Display,
{
    text.trim().parse::<T>().map_err(|error| {
        format!(
            "settings key `{}` from {}: {:?} is not a valid {} ({})",
            key,
            source,
            text,
            ::std::any::type_name::<T>(),
            error
        )
    })
}
""".splitlines()

_FILE = """    if let Some(path) = ::std::env::var_os("{prefix}_SETTINGS_FILE") {
        let path = ::std::path::PathBuf::from(path);
        let source = format!("settings file {}", path.display());
        let text = ::std::fs::read_to_string(&path)
            .map_err(|error| format!("{}: cannot be read: {}", source, error))?;
        let mut values = Vec::new();
{read}
        for (key, text) in values {
            set(&mut settings, &key, &text, &source)?;
        }
    }
""".splitlines()

_READ_ONE = """        let document: {reader} = text
            .parse()
            .map_err(|error| format!("{}: {}", source, error))?;
        leaves_{fmt}(&document, "", &mut values, &source)?;"""

_READ_BOTH = """        if path.extension().map_or(false, |e| e == "json") {
            let document: ::serde_json::Value = text
                .parse()
                .map_err(|error| format!("{}: {}", source, error))?;
            leaves_json(&document, "", &mut values, &source)?;
        } else {
            let document: ::toml::Value = text
                .parse()
                .map_err(|error| format!("{}: {}", source, error))?;
            leaves_toml(&document, "", &mut values, &source)?;
        }"""

_LEAVES = """
fn leaves_{fmt}(
    value: &{reader},
    path: &str,
    into: &mut Vec<(String, String)>,
    source: &str,
) -> Result<(), String> {
    let text = match value {
        {reader}::{table}(table) => {
            for (name, child) in table.iter() {
                let key = if path.is_empty() {
                    name.to_string()
                } else {
                    format!("{}.{}", path, name)
                };
                leaves_{fmt}(child, &key, into, source)?;
            }
            return Ok(());
        }
{numbers}
        other => {
            return Err(format!(
                "settings key `{}` from {}: {} is not a number",
                path, source, other
            ))
        }
    };
    if path.is_empty() {
        return Err(format!("{}: the file must be a table of settings", source));
    }
    into.push((path.to_string(), text));
    Ok(())
}""".splitlines()


def _fill(lines: list[str], **values: str) -> list[str]:
    out = []
    for line in lines:
        for name, value in values.items():
            line = line.replace("{" + name + "}", value)
        out.append(line)
    return out


def loader(
    prefix: str, setters: list[str], names: list[str], formats: tuple[str, ...]
) -> list[str]:
    """``get``, ``load`` and the functions they use."""
    out = [*_GET]
    if formats:
        read = (
            _READ_BOTH
            if len(formats) == 2
            else _READ_ONE.replace("{reader}", _READERS[formats[0]]).replace("{fmt}", formats[0])
        )
        out += _fill(_FILE, prefix=prefix, read=read)
    out += _fill(_ENV, prefix=prefix)
    return out + _setters(setters, names, formats)


_UNKNOWN = 'Err(format!("{}: {:?} is no settings key", source, key))'


def _setters(setters: list[str], names: list[str], formats: tuple[str, ...]) -> list[str]:
    if setters:
        out = ["", "fn set(settings: &mut Settings, key: &str, text: &str, source: &str) "
               "-> Result<(), String> {", "    match key {", *setters,
               f"        _ => return {_UNKNOWN},", "    }", "    Ok(())", "}"]  # fmt: skip
    else:
        out = ["", "fn set(_: &mut Settings, key: &str, _: &str, source: &str) "
               "-> Result<(), String> {", f"    {_UNKNOWN}", "}"]  # fmt: skip
    out += [
        "",
        "fn key_of(variable: &str) -> Option<&'static str> {",
        "    match variable {",
        *names,
        "        _ => None,",
        "    }",
        "}",
    ]
    for fmt in formats:
        out += _fill(_LEAVES, fmt=fmt, reader=_READERS[fmt], table=_TABLES[fmt],
                     numbers="\n".join(_NUMBERS[fmt]))  # fmt: skip
    return out


def arm(pattern: str, body: str) -> list[str]:
    """A ``match`` arm at depth 2, in a block when rustfmt's 100 columns cannot hold it."""
    line = f"        {pattern} => {body},"
    if len(line) <= 100:
        return [line]
    return [f"        {pattern} => {{", f"            {body}", "        }"]
