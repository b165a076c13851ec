"""URLs that are the same for every visitor, built once per app and site prefix, not per page."""
from flask import current_app, request, url_for

# Kept per app; past this many (a slug is part of a survey page's URL) all are forgotten at once.
KEPT = 10_000


def page_url(endpoint, **values):
    """url_for(endpoint, **values), remembered per site prefix (the script root the site is
    mounted under): the layout and the survey's pages link to the same few URLs on every
    request, and url_for took about 7 µs each."""
    # The objects, not their proxies: each read through a proxy cost about 1 µs.
    urls = current_app._get_current_object().extensions.setdefault("consult.page_urls", {})
    key = (request._get_current_object().script_root, endpoint, *sorted(values.items()))
    url = urls.get(key)
    if url is None:
        if len(urls) >= KEPT:
            urls.clear()
        url = urls[key] = url_for(endpoint, **values)
    return url


def own_url(this_request):
    """The URL a page's form posts back to: the page's own path, with its query string if it has one."""
    return this_request.full_path if this_request.query_string else this_request.path
