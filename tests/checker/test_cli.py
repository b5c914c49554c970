"""`python -m checker`: JSON on stdout with exit 0, exit 2 with `errors`, and readable text."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
ANSWERS = {"notice": "2025-bigdata", "path": "normal", "level": "deputy_senior", "employer": "district_soe",
           "district": "綦江区", "civil_servant": False, "retired": False, "in_penalty_period": False,
           "residency": "mainland", "aid_service_years": 2, "today": "2026-11-23"}


def run(stdin: str | bytes, *args: str) -> subprocess.CompletedProcess:
    data = stdin.encode("utf-8") if isinstance(stdin, str) else stdin
    return subprocess.run([sys.executable, "-m", "checker", *args], input=data, cwd=REPO,
                          capture_output=True, timeout=60)


def test_json_mode_prints_the_canonical_result():
    from checker import check_json
    text = json.dumps(ANSWERS, ensure_ascii=False)
    proc = run(text, "--json")
    assert proc.returncode == 0, proc.stderr.decode()
    out = proc.stdout.decode("utf-8")
    assert out == check_json(text) + "\n"
    result = json.loads(out)
    assert result["verdict"] == "conditional"
    assert result["fee_yuan"] == 420
    office = next(s["office"] for s in result["route"]["steps"] if s.get("office"))
    assert [p["display"] for p in office["phones"]] == ["023-87268707", "023-87268708"]


def test_invalid_answers_exit_2_with_errors_in_json():
    proc = run('{"notice": "2025-bigdata", "insurance_months": "十二", "colour": "red"}', "--json")
    assert proc.returncode == 2
    result = json.loads(proc.stdout.decode("utf-8"))
    assert {e["field"] for e in result["errors"]} == {"insurance_months", "answers"}
    assert proc.stderr == b""


def test_not_json_exits_2_without_a_traceback():
    proc = run("notice=2025", "--json")
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr.decode()
    assert json.loads(proc.stdout.decode())["errors"][0]["field"] == "answers"


def test_bytes_that_are_not_utf8_exit_2():
    proc = run(b"\xff\xfe{", "--json")
    assert proc.returncode == 2
    assert json.loads(proc.stdout.decode())["errors"]


def test_text_mode_is_readable_chinese():
    proc = run(json.dumps(ANSWERS, ensure_ascii=False))
    assert proc.returncode == 0
    out = proc.stdout.decode("utf-8")
    assert out.startswith("【还需补充回答】\n是否属于本通知的申报范围，还需回答：从事大数据智能化工作。") and "渝人社发〔2023〕28号" in out
    assert "綦江区职改办\n      电话：023-87268707、023-87268708" in out
    assert "评审费：\n  - 420元（高级）" in out
    assert "本轮申报已结束：最后一个环节“评审”为2025年12月。" in out
    assert "申报副高级职称的，可提前2年，学历放宽到大专" in out
    assert "申报正高级职称的，可提前1年" not in out
    assert not out.lstrip().startswith("{")


def test_text_mode_reports_errors_and_exits_2():
    proc = run('{"notice": "2023-manufacturing", "today": "2020-02-30"}')
    assert proc.returncode == 2
    out = proc.stdout.decode("utf-8")
    assert "回答有误" in out and "「对照日期」" in out and "2020-02-30" in out and '"today"' not in out
    assert "Traceback" not in proc.stderr.decode()
