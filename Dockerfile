# partnerbot: slim, non-root, `partnerbot serve` on port 3000 (docs/deploy.md).
FROM python:3.11-slim AS build
WORKDIR /src
COPY pyproject.toml README.md ./
COPY bot ./bot
COPY handlers ./handlers
COPY storage ./storage
RUN python -m venv /opt/partnerbot \
 && /opt/partnerbot/bin/pip install --no-cache-dir --disable-pip-version-check .

FROM python:3.11-slim
RUN useradd --system --uid 10001 --create-home --home-dir /var/lib/partnerbot partnerbot
COPY --from=build /opt/partnerbot /opt/partnerbot
ENV PATH=/opt/partnerbot/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    PARTNERBOT_FILES_DIR=/var/lib/partnerbot/files
USER partnerbot
WORKDIR /var/lib/partnerbot
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=3s \
  CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:3000/healthz', timeout=2)"
CMD ["partnerbot", "serve", "--port", "3000"]
