"""Site generation for 渝职通: mkdocs hooks, page templates and Chinese search terms."""
