"""The report's words in English and Chinese (the first users write Chinese).

The Chinese terms follow the seed report the first team wrote by hand (硬编码消除, 完成度,
生产代码, 测试代码, ...), so the generated report reads like theirs.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from hardcode_lint.model import Status

LANGUAGES = ("en", "zh")

#: The module name ``rules suggest`` gives the files outside any folder. It is a name in the
#: user's rule file (and stays one in JSON), but "root" reads like a path or a user in a report.
TOP_LEVEL = "root"

_WORDS: Mapping[str, tuple[str, str]] = {
    "title": ("Hardcode removal - progress report", "硬编码消除 - 进度报告"),
    "generated": ("Generated", "生成时间"),
    "completion": ("Completion", "完成度"),
    "completion_of": ("Completion ({what})", "完成度（{what}）"),
    "of_sites": ("{migrated} of {sites} sites migrated", "{sites} 处中已完成 {migrated} 处"),
    "nothing": ("No hardcoded constants found", "未发现硬编码常量"),
    "overall": ("Overall progress", "整体进度"),
    "module": ("Module", "模块"),
    "priority": ("Priority", "优先级"),
    "files": ("Files", "文件数"),
    "sites": ("Sites", "硬编码数"),
    "migrated": ("Migrated", "已迁移"),
    "pending": ("Pending", "待迁移"),
    "unmapped": ("Unmapped", "未映射"),
    "kept": ("Kept", "保留"),
    "kept_sites": ("{kept} kept as literals", "{kept} 处保留为字面量"),
    "out_of_scope": ("out of scope", "不在迁移范围内"),
    "stale": ("Stale", "失效"),
    "ambiguous": ("Ambiguous", "有歧义"),
    "progress": ("Progress", "进度"),
    "status": ("Status", "状态"),
    "file": ("File", "文件"),
    "line": ("Line", "行"),
    "old": ("Old code (hardcoded)", "原代码（硬编码）"),
    "new": ("New code (from config)", "新代码（读取配置）"),
    "key": ("Config key", "配置项"),
    "todo_key": ("Config key (proposed if unmapped)", "配置项（未映射的为建议值）"),
    "value": ("Value", "值"),
    "table": ("Table", "明细表"),
    "all_code": ("All code", "全部代码"),
    "rule": ("Rule", "规则"),
    "production": ("Production code", "生产代码"),
    "tests": ("Test code", "测试代码"),
    "done": ("Done", "已完成"),
    "todo": ("Still to do", "待完成"),
    "problems": ("Rules to fix", "需要修正的规则"),
    "problem_stale": (
        "stale: neither the literal nor its replacement was found (code moved or rule wrong)",
        "失效：既找不到硬编码，也找不到替换后的代码（代码已移动或规则有误）",
    ),
    "problem_ambiguous": (
        "ambiguous: matches more sites than `count` allows",
        "有歧义：匹配到的位置多于 `count` 允许的数量",
    ),
    "metrics": ("Key metrics", "关键指标"),
    "metric": ("Metric", "指标"),
    "now": ("Now", "当前"),
    "target": ("Target", "目标"),
    "elimination": ("Hardcode elimination rate", "硬编码消除率"),
    "trend": ("Trend", "趋势"),
    "errors": ("files could not be scanned", "个文件无法扫描"),
    "unassigned": ("Unassigned", "未分配"),
    "top_level": ("(top level)", "（根目录）"),
    "total": ("Total", "合计"),
    "reason": ("why", "原因"),
    "state_done": ("done", "已完成"),
}

_STATUS: Mapping[Status, tuple[str, str]] = {
    Status.MIGRATED: ("migrated", "已迁移"),
    Status.PENDING: ("pending", "待迁移"),
    Status.STALE: ("stale", "失效"),
    Status.AMBIGUOUS: ("ambiguous", "有歧义"),
    Status.UNMAPPED: ("unmapped", "未映射"),
    Status.KEPT: ("kept", "保留"),
}


@dataclass(frozen=True)
class Strings:
    """The words of one language; ``strings["sites"]``, ``strings.status(Status.PENDING)``."""

    lang: str = "en"

    @property
    def _index(self) -> int:
        return LANGUAGES.index(self.lang)

    def __getitem__(self, key: str) -> str:
        return _WORDS[key][self._index]

    def status(self, status: Status) -> str:
        return _STATUS[status][self._index]

    def module_name(self, name: str) -> str:
        """A module's name as the human formats show it: the tool's own names translated."""
        if name == "Unassigned":
            return self["unassigned"]
        return self["top_level"] if name == TOP_LEVEL else name
