"""The URL a page's form posts back to."""


def own_url(this_request):
    """The URL a page's form posts back to: the page's own path, with its query string if it has one."""
    return this_request.full_path if this_request.query_string else this_request.path
