"""The PACTE course application: course data, site build, live sessions, server and the ``pacte`` command."""
