"""How Consult is served in production: deploy/serve.py (make serve) and its nginx template."""
