"""The four peer rules as Fixit 2 lint rules (libcst matchers), for the benchmark only."""

import libcst as cst
import libcst.matchers as m
from fixit import LintRule

NUMBER = m.Integer() | m.Float() | m.UnaryOperation(expression=m.Integer() | m.Float())


class SleepLiteral(LintRule):
    MESSAGE = "hardcoded sleep"

    def visit_Call(self, node: cst.Call) -> None:
        callee = m.Attribute(value=m.Name("time") | m.Name("asyncio"), attr=m.Name("sleep"))
        if m.matches(node, m.Call(func=callee, args=[m.Arg(value=NUMBER)])):
            self.report(node)


class TimedeltaLiteral(LintRule):
    MESSAGE = "hardcoded timedelta"

    def visit_Call(self, node: cst.Call) -> None:
        callee = m.Name("timedelta") | m.Attribute(attr=m.Name("timedelta"))
        if m.matches(node, m.Call(func=callee)) and any(
            m.matches(arg.value, NUMBER) for arg in node.args
        ):
            self.report(node)


class TimeoutKeyword(LintRule):
    MESSAGE = "hardcoded timeout"

    def visit_Arg(self, node: cst.Arg) -> None:
        if m.matches(node, m.Arg(keyword=m.Name("timeout"), value=NUMBER)):
            self.report(node)


class ClampLiteral(LintRule):
    MESSAGE = "hardcoded clamp bound"

    def visit_Call(self, node: cst.Call) -> None:
        clamp = m.matches(node, m.Call(func=m.Name("max") | m.Name("min"))) and len(node.args) == 2
        if clamp and any(m.matches(arg.value, NUMBER) for arg in node.args):
            self.report(node)
