"""The baseline for bench/submit.py: a bare Flask app with one GET and one POST handler."""
from flask import Flask, request

app = Flask(__name__)


@app.get("/")
def page():
    return "<!doctype html><title>Bare</title><form method=post><input name=answer></form>"


@app.post("/")
def answer():
    return f"Thanks: {len(request.form.get('answer', ''))}", 200
