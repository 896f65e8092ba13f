"""`python -m mkdocs_faq_plugin.cli`, the same as the `mkdocs-faq` console script."""

import sys

from . import main

sys.exit(main())
