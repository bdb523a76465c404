FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1
WORKDIR /app

COPY pyproject.toml README.md ./
RUN pip install --upgrade pip && pip install -e .

COPY . .
RUN useradd --create-home sanctuary && mkdir -p var && chown -R sanctuary var
USER sanctuary

EXPOSE 8000
CMD ["gunicorn", "sanctuary.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3"]
