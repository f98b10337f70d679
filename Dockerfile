# Continuum's production image: `continuum serve` (migrate, collectstatic, gunicorn and the
# background worker) on port 8000. See docs/deploy.md. Not built here: no container engine.
FROM python:3.12-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    DEBUG=false \
    CONTINUUM_VAR_DIR=/var/lib/continuum \
    CONTINUUM_BIND=0.0.0.0:8000

RUN useradd --system --create-home --home-dir /app continuum \
    && mkdir -p /var/lib/continuum && chown continuum:continuum /var/lib/continuum
WORKDIR /app
COPY --chown=continuum:continuum pyproject.toml README.md ./
COPY --chown=continuum:continuum continuum ./continuum
RUN pip install --no-cache-dir .

USER continuum
EXPOSE 8000
VOLUME ["/var/lib/continuum"]
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s \
    CMD python -c "import urllib.request, sys; sys.exit(urllib.request.urlopen('http://127.0.0.1:8000/healthz').status != 200)"
STOPSIGNAL SIGTERM
CMD ["continuum", "serve"]
