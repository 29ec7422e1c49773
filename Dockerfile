# Drom's application image: the app servers, the task worker and the scheduler all run it.
#   docker build -t drom .
# Non-root at run time; translations compiled and static files collected when it is built.

FROM python:3.11-slim-bookworm AS build
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1 PYTHONDONTWRITEBYTECODE=1
RUN python -m venv /venv
COPY requirements.txt /app/requirements.txt
RUN /venv/bin/pip install -r /app/requirements.txt
COPY . /app
WORKDIR /app
# Settings that only make the build commands start; none of them reaches the running image.
ARG BUILD_ENV="DJANGO_SETTINGS_MODULE=cms.settings.production SECRET_KEY=image-build-only BASE_URL=https://build.invalid"
RUN env $BUILD_ENV \
        /venv/bin/python manage.py compile_translations \
    && env $BUILD_ENV \
        /venv/bin/python manage.py collectstatic --noinput -v 0


FROM python:3.11-slim-bookworm
# pg_dump/pg_restore for `manage.py backup` and `restore` (Debian 12: PostgreSQL 15 client).
RUN apt-get update \
    && apt-get install -y --no-install-recommends postgresql-client \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --user-group --home-dir /app --no-create-home drom
COPY --from=build /venv /venv
# Code, compiled .mo files and collected static files belong to root: the app cannot change them.
COPY --from=build /app /app
WORKDIR /app
ENV PATH=/venv/bin:$PATH \
    DJANGO_SETTINGS_MODULE=cms.settings.production \
    PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1
USER drom
EXPOSE 8000
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s \
    CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=4)"
# Two workers with four threads each suit a 2-core machine; set WEB_CONCURRENCY for bigger ones.
CMD ["sh", "-c", "exec gunicorn cms.wsgi --bind 0.0.0.0:8000 --workers ${WEB_CONCURRENCY:-2} --threads 4 --timeout 120 --graceful-timeout 30 --forwarded-allow-ips '*'"]
