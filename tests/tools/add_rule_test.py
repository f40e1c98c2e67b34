#!/usr/bin/env python3
"""Runs tools/add-rule on a temporary copy of the files it edits and checks its outputs.

Usage: add_rule_test.py SOURCE_DIR [CXX]
With CXX, the edited registry and the generated test file are also compiled
(-fsyntax-only), so the registry's static_assert checks the sorted insertion.
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest

SOURCE = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else ""
CXX = sys.argv[2] if len(sys.argv) > 2 else ""
TOOL = os.path.join(SOURCE, "tools", "add-rule")
COPIED = ["include/samlint", "src/rules/registry.cc", "docs/rules.md", ".clang-format"]
EDITED = ["include/samlint/rule_id.h", "src/rules/registry.cc", "docs/rules.md"]
FIELDS = {"summary": 'A "quoted" summary.', "rationale": "Why it matters.",
          "example": "An example.", "fix": "The fix.", "reference": "A reference."}


def read(root, relative):
    with open(os.path.join(root, relative), encoding="utf-8") as f:
        return f.read()


class AddRuleTest(unittest.TestCase):
    def setUp(self):
        self.root = tempfile.mkdtemp(prefix="add-rule-")
        for relative in COPIED:
            source, target = os.path.join(SOURCE, relative), os.path.join(self.root, relative)
            os.makedirs(os.path.dirname(target), exist_ok=True)
            (shutil.copytree if os.path.isdir(source) else shutil.copy)(source, target)
        os.makedirs(os.path.join(self.root, "tests", "rules"))

    def tearDown(self):
        shutil.rmtree(self.root)

    def run_tool(self, *args):
        return subprocess.run([sys.executable, TOOL, "--root", self.root, *args],
                              capture_output=True, text=True)

    def add(self, rule_id, *extra):
        run = self.run_tool(rule_id, "--severity", "warning", "--category", "trust", *extra)
        self.assertEqual(run.returncode, 0, run.stderr)
        return run

    def constants(self):
        return re.findall(r'static constexpr RuleId (k\w+)\{"([a-z0-9-]+)"\};',
                          read(self.root, "include/samlint/rule_id.h"))

    def registry_ids(self):
        by_constant = dict(self.constants())
        return [by_constant[c] for c in
                re.findall(r"\.id = Rule::(k\w+)\.name\(\)", read(self.root, "src/rules/registry.cc"))]

    def docs_ids(self):
        return re.findall(r"^## ([a-z0-9-]+)$", read(self.root, "docs/rules.md"), re.M)

    def test_adds_the_rule_everywhere_in_sorted_position(self):
        args = [f"--{name}={text}" for name, text in FIELDS.items()]
        self.add("session-name-too-long", *args)  # in the middle
        self.add("aaa-first")                     # before every rule, fields left empty
        self.add("zzz-last")                      # after every rule
        constants = self.constants()
        ids = [rule_id for _, rule_id in constants]
        for rule_id in ("session-name-too-long", "aaa-first", "zzz-last"):
            self.assertIn(rule_id, ids)
        self.assertIn(("kSessionNameTooLong", "session-name-too-long"), constants)
        self.assertEqual(ids, sorted(ids))
        self.assertEqual(self.registry_ids(), ids)
        self.assertEqual(self.docs_ids(), ids)

        registry = read(self.root, "src/rules/registry.cc")
        entry = registry[registry.index("Rule::kSessionNameTooLong"):]
        entry = entry[:entry.index("\n    },")]
        self.assertIn(".default_severity = kWarning", entry)
        self.assertIn(".category = kTrust", entry)
        self.assertIn(r'.summary = "A \"quoted\" summary."', entry)
        self.assertIn('.reference = "A reference."', entry)
        empty = registry[registry.index("Rule::kAaaFirst"):]
        self.assertIn('.rationale = "",', empty[:empty.index("\n    },")])

        docs = read(self.root, "docs/rules.md")
        self.assertIn("\n## session-name-too-long\n\n- Severity: warning\n- Category: trust\n\n"
                      '**Summary.** A "quoted" summary.\n\n**Rationale.** Why it matters.\n\n'
                      "**Example.** An example.\n\n**Fix.** The fix.\n\n"
                      "**Reference.** A reference.\n\n## ", docs)
        self.assertTrue(docs.endswith("\n## zzz-last\n\n- Severity: warning\n- Category: trust"
                                      "\n\n**Summary.** \n\n**Rationale.** \n\n**Example.** \n\n"
                                      "**Fix.** \n\n**Reference.** \n"), docs[-300:])

        test = read(self.root, "tests/rules/session_name_too_long_test.cc")
        self.assertIn("TEST(SessionNameTooLong, Fires) {", test)
        self.assertIn("TEST(SessionNameTooLong, DoesNotFire) {", test)
        self.assertEqual(test.count("ADD_FAILURE()"), 2)  # neither case passes as written
        self.assertIn('DiagnosticsWithRule(result, "session-name-too-long")', test)
        self.assertIn("samlint::Severity::kWarning", test)
        if CXX:
            self.compiles("src/rules/registry.cc")
            self.compiles("tests/rules/session_name_too_long_test.cc")

    def compiles(self, relative):
        run = subprocess.run(
            [CXX, "-std=c++20", "-fsyntax-only", "-I", os.path.join(self.root, "include"),
             "-I", os.path.join(SOURCE, "tests"), "-I", os.path.join(SOURCE, "src"),
             '-DSAMLINT_TESTDATA="testdata"', '-DSAMLINT_SOURCE_DIR="."',
             os.path.join(self.root, relative)], capture_output=True, text=True)
        self.assertEqual(run.returncode, 0, relative + ":\n" + run.stderr[-3000:])

    def test_refuses_an_existing_rule_and_changes_nothing(self):
        before = [read(self.root, path) for path in EDITED]
        run = self.run_tool("xml-malformed", "--severity", "error", "--category", "input")
        self.assertEqual(run.returncode, 2)
        self.assertIn("already a rule", run.stderr)
        self.assertEqual([read(self.root, path) for path in EDITED], before)

    def test_refuses_a_malformed_id_or_severity(self):
        self.assertEqual(self.run_tool("Bad_Name", "--severity", "error",
                                       "--category", "input").returncode, 2)
        self.assertEqual(self.run_tool("good-name", "--severity", "fatal",
                                       "--category", "input").returncode, 2)
        self.assertEqual(self.run_tool("good-name", "--category", "input").returncode, 2)

    def test_dry_run_prints_the_diff_and_writes_nothing(self):
        before = [read(self.root, path) for path in EDITED]
        run = self.add("session-name-too-long", "--dry-run")
        self.assertIn('+  static constexpr RuleId kSessionNameTooLong{"session-name-too-long"};',
                      run.stdout)
        self.assertIn("+## session-name-too-long", run.stdout)
        self.assertIn("+++ b/tests/rules/session_name_too_long_test.cc", run.stdout)
        self.assertEqual([read(self.root, path) for path in EDITED], before)
        self.assertFalse(os.path.exists(
            os.path.join(self.root, "tests/rules/session_name_too_long_test.cc")))


if __name__ == "__main__":
    unittest.main(argv=sys.argv[:1], verbosity=2)
