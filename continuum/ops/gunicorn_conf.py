"""gunicorn's configuration under `continuum serve` (bind and workers come on its command
line): its error and access logs go to stderr, as JSON objects when CONTINUUM_LOG_FORMAT
is `json` (serve passes the setting's value down)."""

import os

_JSON = os.environ.get("CONTINUUM_LOG_FORMAT") == "json"

accesslog = "-"
access_log_format = '%(h)s "%(r)s" %(s)s %(b)s %(M)sms'
timeout = 60
logconfig_dict = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "line": {"()": "continuum.ops.logs.JsonFormatter"}
        if _JSON
        else {"format": "%(asctime)s [%(process)d] %(levelname)s %(name)s: %(message)s"},
    },
    "handlers": {"stderr": {"class": "logging.StreamHandler", "formatter": "line"}},
    "root": {"handlers": ["stderr"], "level": "WARNING"},  # replaces gunicorn's default
    "loggers": {
        "gunicorn.error": {"handlers": ["stderr"], "level": "INFO", "propagate": False},
        "gunicorn.access": {"handlers": ["stderr"], "level": "INFO", "propagate": False},
    },
}

# No runtime control socket (gunicorn 24+ opens one in $HOME by default): systemd and the
# container runtime control the service through signals.
control_socket_disable = True
