# gunicorn reads this file from the directory it starts in (the checkout, the image's /app).
# Request lines up to 1 MB reach Django, which answers one over MAX_URL_LENGTH with its own 414
# (JSON under /api/: sanctuary.web.limits) instead of gunicorn's HTML page at 4 KB.
limit_request_line = 0
