"""One screen a file. Each screen only calls the core's operations (``Navigator``)."""
