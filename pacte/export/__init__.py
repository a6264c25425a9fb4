"""Exports of the course beyond its own site.

* :mod:`pacte.export.moodle` (with :mod:`pacte.export.gift` and
  :mod:`pacte.export.moodle_xml`): the question banks for Moodle
  (``pacte export moodle``);
* :mod:`pacte.export.scorm`: a SCORM 1.2 package of the static book
  (``pacte export scorm``);
* :mod:`pacte.export.pdf`: printable handouts through headless Chromium
  (``pacte export pdf``).
"""
