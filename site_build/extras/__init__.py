"""Generated extras: FAQ, glossary, notice comparison, agent mode (坐席模式) and .ics calendars.

`hooks.py` (listed in mkdocs.yml `hooks:`) adds them to the build; everything is rendered
from policy_data/ (glossary.yaml and faq.yaml hold words, never numbers or dates).
"""
