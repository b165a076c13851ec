"""The app's routes read from its URL map, with their parameters filled from stored objects.

New pages are then fuzzed and checked without anyone adding them to a list by hand.
"""
from itertools import product

from werkzeug.routing.converters import AnyConverter

STAFF_PREFIXES = ("/manage", "/auth", "/board", "/api")


def rules(app, method, prefixes=None):
    """The app's rules answering `method`, static files left out, optionally only under `prefixes`."""
    found = [
        rule for rule in app.url_map.iter_rules()
        if method in rule.methods and rule.endpoint != "static" and (prefixes is None or rule.rule.startswith(prefixes))
    ]
    return sorted(found, key=lambda rule: rule.rule)


def urls(app, rule, values):
    """Every URL of `rule`, one per choice of its <any(...)> parts, with `values` for the others.

    `values` maps a parameter name, or (endpoint, name) where names clash, to its value or a
    list of values (a URL for each). Returns [] when a parameter has no value.
    """
    choices = []
    for name in sorted(rule.arguments):
        converter = rule._converters[name]
        if isinstance(converter, AnyConverter):
            given = sorted(converter.items)
        elif (rule.endpoint, name) in values:
            given = values[(rule.endpoint, name)]
        elif name in values:
            given = values[name]
        else:
            return []
        choices.append([(name, value) for value in (given if isinstance(given, list) else [given])])
    adapter = app.url_map.bind("localhost")
    return [adapter.build(rule.endpoint, dict(chosen)) for chosen in product(*choices)]
