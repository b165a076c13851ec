"""Sharing a consultation: its public link, QR code downloads (SVG, PNG) and a printable A4 poster."""
from flask import Response, current_app, redirect, render_template, url_for

from consult.manage import bp
from consult.manage.consultations import consultation_or_404
from consult.services.consultations import sharing


def _public_url(consultation):
    return sharing.public_url(
        url_for("public.consultation", slug=consultation.slug),
        url_for("public.consultation", slug=consultation.slug, _external=True),
        current_app.config.get("PUBLIC_BASE_URL"),
    )


def _shareable(slug):
    """The consultation, or a redirect to its page while it is a draft residents cannot open."""
    consultation = consultation_or_404(slug)
    if consultation.status == "draft":
        return consultation, redirect(url_for("manage.consultation", slug=slug))
    return consultation, None


@bp.get("/consultations/<slug>/share")
def share(slug):
    consultation, elsewhere = _shareable(slug)
    if elsewhere:
        return elsewhere
    url = _public_url(consultation)
    return render_template("manage/sharing/share.html", consultation=consultation, url=url)


@bp.get("/consultations/<slug>/qr.<any(svg, png):kind>")
def qr_code(slug, kind):
    consultation, elsewhere = _shareable(slug)
    if elsewhere:
        return elsewhere
    url = _public_url(consultation)
    if kind == "svg":
        body, mimetype = sharing.qr_svg(url, title=f"QR code: {consultation.title}"), "image/svg+xml"
    else:
        body, mimetype = sharing.qr_png(url), "image/png"
    response = Response(body, mimetype=mimetype)
    response.headers["Content-Disposition"] = f'inline; filename="{consultation.slug}-qr.{kind}"'
    return response


@bp.get("/consultations/<slug>/poster")
def poster(slug):
    consultation, elsewhere = _shareable(slug)
    if elsewhere:
        return elsewhere
    url = _public_url(consultation)
    return render_template(
        "manage/sharing/poster.html", consultation=consultation, url=url, short_url=sharing.short_url(url)
    )
