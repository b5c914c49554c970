"""Build tooling for 渝职通: loads and validates policy_data/, compiles the checker's rules.

Entry points: `policy_build.loader.load_policy`, `python -m policy_build validate|compile`.
"""
