"""The site: book build, Sphinx extension and templates, Voilà export, Jupyter server extension."""
